using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Build.Stages.Test;

/// <summary>
/// Turns what <c>dotnet test</c> prints with the console logger at normal verbosity into what a person waiting reads:
/// per test project, "Tests: Build.Tests: 412 passed, 0 failed, 3 skipped so far (1m 20s)" every
/// <see cref="Interval"/>, and "Tests: Build.Tests: 1127 passed, 0 failed, 0 skipped in 2m 45s" when it ends.
/// </summary>
/// <remarks>
/// Normal verbosity is what names each test as it finishes ("  Passed Ns.Class.Test [12 ms]"); those lines are counted,
/// not shown. A failed test is shown with its whole block (message, stack trace, output). Hidden as noise, as minimal
/// verbosity hides it: xUnit's own "[xUnit.net ...]" lines, what a tested ASP.NET host logs ("info: ..." and its
/// indented lines) and vstest's count block, which the closing line replaces. Everything else is shown. Lines arrive
/// on two reader threads, hence the lock.
/// </remarks>
public sealed partial class TestProgress(Action<string> show, Func<TimeSpan, string> formatDuration)
{
    /// <summary>How often a running project's counts are printed.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private string? _project;
    private long _started;
    private int _passed;
    private int _failed;
    private int _skipped;
    private bool _inFailure;
    private bool _inHostLog;

    /// <summary>Reads one line of dotnet test's standard output and shows it, or counts it, or drops it.</summary>
    public void Receive(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string? shown;
        lock (_gate)
        {
            shown = Classify(line);
        }

        if (shown is not null)
        {
            show(shown);
        }
    }

    /// <summary>The periodic line: the running project's counts so far, or null between projects.</summary>
    public string? Tick()
    {
        lock (_gate)
        {
            return _project is null ? null : $"Tests: {_project}: {Counts()} so far ({Elapsed()})";
        }
    }

    /// <summary>Prints <see cref="Tick"/> every <see cref="Interval"/> until the returned timer is disposed.</summary>
    public IDisposable Start() => new Timer(_ => ShowTick(), null, Interval, Interval);

    private void ShowTick()
    {
        if (Tick() is { } line)
        {
            show(line);
        }
    }

    private string? Classify(string line)
    {
        if (TestRunFor().Match(line) is { Success: true } run)
        {
            StartProject(Path.GetFileNameWithoutExtension(run.Groups["dll"].Value));
            return line;
        }

        if (Result().Match(line) is { Success: true } result)
        {
            _inHostLog = false;
            switch (result.Groups["outcome"].Value)
            {
                case "Passed":
                    _passed++;
                    _inFailure = false;
                    return null;
                case "Skipped":
                    _skipped++;
                    _inFailure = false;
                    return null;
                default:
                    _failed++;
                    _inFailure = true;
                    return line;
            }
        }

        if (CountBlock().IsMatch(line))
        {
            _inFailure = false;
            return TotalTime().IsMatch(line) ? EndProject() : null;
        }

        if (_inFailure && (line.Length == 0 || line.StartsWith(' ')))
        {
            return line;
        }

        _inFailure = false;
        if (HostLog().IsMatch(line))
        {
            _inHostLog = true;
            return null;
        }

        if (_inHostLog && line.StartsWith("      ", StringComparison.Ordinal))
        {
            return null;
        }

        _inHostLog = false;
        return line.Length == 0 || line.StartsWith("[xUnit.net ", StringComparison.Ordinal) ? null : line;
    }

    private void StartProject(string project)
    {
        _project = project;
        _started = Stopwatch.GetTimestamp();
        (_passed, _failed, _skipped) = (0, 0, 0);
    }

    private string? EndProject()
    {
        if (_project is null)
        {
            return null;
        }

        var line = $"Tests: {_project}: {Counts()} in {Elapsed()}";
        _project = null;
        return line;
    }

    private string Counts() => string.Create(CultureInfo.InvariantCulture, $"{_passed} passed, {_failed} failed, {_skipped} skipped");

    private string Elapsed() => formatDuration(Stopwatch.GetElapsedTime(_started));

    [GeneratedRegex(@"^Test run for (?<dll>.+?) \(", RegexOptions.CultureInvariant)]
    private static partial Regex TestRunFor();

    // "  Passed Ns.Class.Test(x: 1) [12 ms]", "  Failed ... [1 s]", "  Skipped ..." (a skipped test may have no time).
    [GeneratedRegex(@"^  (?<outcome>Passed|Failed|Skipped) \S", RegexOptions.CultureInvariant)]
    private static partial Regex Result();

    // vstest's closing block at normal verbosity; " Total time:" is its last line.
    [GeneratedRegex(@"^(Test Run Successful\.|Test Run Failed\.|Total tests: \d+|\s+(Passed|Failed|Skipped): \d+|\s*Total time: .+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CountBlock();

    [GeneratedRegex(@"^\s*Total time: ", RegexOptions.CultureInvariant)]
    private static partial Regex TotalTime();

    // Microsoft.Extensions.Logging's console format: "info: Category[id]" then the message indented by six spaces.
    [GeneratedRegex(@"^(trce|dbug|info|warn|fail|crit): \S", RegexOptions.CultureInvariant)]
    private static partial Regex HostLog();
}
