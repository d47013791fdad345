using System.Globalization;
using System.Text;
using Build.Core.Text;

namespace Build.Stages.Test;

/// <summary>Totals over several test runs and the tests that failed, for logs and CI job summaries.</summary>
/// <remarks>
/// Totals count the individual results (as <see cref="JUnitWriter"/> does). "Failed tests" lists every result that
/// fails the build: <see cref="TestOutcome.Failed"/> and <see cref="TestOutcome.Other"/> (counted as errors).
/// </remarks>
public sealed class TestRunSummary
{
    /// <summary>The number of failed tests <see cref="ToMarkdown"/> lists before it says how many more there are.</summary>
    public const int MaxListedFailures = 50;

    private readonly List<(string Test, string Reason)> _failures;
    private readonly List<TestCaseResult> _failedResults;

    public TestRunSummary(IEnumerable<TestRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var results = runs.SelectMany(run => run.Results).ToList();
        Total = results.Count;
        Passed = results.Count(result => result.Outcome == TestOutcome.Passed);
        Failed = results.Count(result => result.Outcome == TestOutcome.Failed);
        Skipped = results.Count(result => result.Outcome == TestOutcome.NotExecuted);
        Errors = results.Count(result => result.Outcome == TestOutcome.Other);
        _failedResults = [.. results.Where(result => result.Outcome is TestOutcome.Failed or TestOutcome.Other)];
        _failures = [.. _failedResults.Select(result => (result.FullName, FirstLine(result.ErrorMessage) ?? $"outcome {result.RawOutcome}"))];
    }

    public int Total { get; }

    public int Passed { get; }

    public int Failed { get; }

    public int Skipped { get; }

    /// <summary>Gets the results with an outcome other than passed, failed or skipped (Timeout, Aborted...).</summary>
    public int Errors { get; }

    public bool HasFailures => Failed + Errors > 0;

    /// <summary>Gets the results that fail the build (failed, or another outcome such as Timeout), in file order.</summary>
    public IReadOnlyList<TestCaseResult> FailedResults => _failedResults;

    /// <summary>Gets each failed test as "ClassName.TestName: first line of the message".</summary>
    public IReadOnlyList<string> FailedTests => [.. _failures.Select(failure => $"{failure.Test}: {failure.Reason}")];

    /// <summary>
    /// A section of summary.md (the report heads it, at level 3): a table of the totals, then the failed tests (at most
    /// <see cref="MaxListedFailures"/>) under a level-4 heading.
    /// </summary>
    public string ToMarkdown()
    {
        var markdown = new StringBuilder()
            .Append("| Total | Passed | Failed | Errors | Skipped |\n")
            .Append("| ----: | -----: | -----: | -----: | ------: |\n")
            .Append(CultureInfo.InvariantCulture, $"| {Total} | {Passed} | {Failed} | {Errors} | {Skipped} |\n\n");
        if (Total == 0)
        {
            return markdown.Append("No tests ran.\n").ToString();
        }

        if (!HasFailures)
        {
            return markdown.Append("No failed tests.\n").ToString();
        }

        markdown.Append("#### Failed tests\n\n");
        foreach (var (test, reason) in _failures.Take(MaxListedFailures))
        {
            markdown.Append(CultureInfo.InvariantCulture, $"- `{test.Replace('`', '\'')}`: {MarkdownText.Escape(reason)}\n");
        }

        if (_failures.Count > MaxListedFailures)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"- and {_failures.Count - MaxListedFailures} more\n");
        }

        return markdown.ToString();
    }

    private static string? FirstLine(string? message)
    {
        var line = message?.Split('\n', 2)[0].Trim();
        return string.IsNullOrEmpty(line) ? null : line;
    }
}
