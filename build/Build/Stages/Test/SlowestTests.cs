using System.Globalization;
using System.Text;

namespace Build.Stages.Test;

/// <summary>The tests that took longest (by their TRX duration), for the end of the Test log and summary.md.</summary>
public static class SlowestTests
{
    /// <summary>How many are named.</summary>
    public const int Count = 5;

    /// <summary>The <see cref="Count"/> slowest results that ran, slowest first (ties by name, so the list is stable).</summary>
    public static IReadOnlyList<TestCaseResult> Of(IEnumerable<TestRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return [.. runs.SelectMany(run => run.Results)
            .Where(result => result.Outcome != TestOutcome.NotExecuted)
            .OrderByDescending(result => result.Duration)
            .ThenBy(result => result.FullName, StringComparer.Ordinal)
            .Take(Count)];
    }

    /// <summary>"Slowest tests:" then one line per test: "  1m 02s  Ns.Class.Test"; nothing when no test ran.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<TestCaseResult> slowest, Func<TimeSpan, string> formatDuration)
    {
        ArgumentNullException.ThrowIfNull(slowest);
        ArgumentNullException.ThrowIfNull(formatDuration);
        if (slowest.Count == 0)
        {
            yield break;
        }

        yield return "Slowest tests:";
        var durations = slowest.Select(result => formatDuration(result.Duration)).ToList();
        var width = durations.Max(duration => duration.Length);
        for (var i = 0; i < slowest.Count; i++)
        {
            yield return $"  {durations[i].PadLeft(width)}  {slowest[i].FullName}";
        }
    }

    /// <summary>A level-4 "Slowest tests" part of summary.md's Tests section: a table of test and duration; empty when no test ran.</summary>
    public static string ToMarkdown(IReadOnlyList<TestCaseResult> slowest, Func<TimeSpan, string> formatDuration)
    {
        ArgumentNullException.ThrowIfNull(slowest);
        ArgumentNullException.ThrowIfNull(formatDuration);
        if (slowest.Count == 0)
        {
            return "";
        }

        var markdown = new StringBuilder("\n#### Slowest tests\n\n| Test | Duration |\n| ---- | -------: |\n");
        foreach (var result in slowest)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"| `{result.FullName.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal)}` | {formatDuration(result.Duration)} |\n");
        }

        return markdown.ToString();
    }
}
