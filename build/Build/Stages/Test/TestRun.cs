namespace Build.Stages.Test;

/// <summary>One TRX file: one test project on one target framework.</summary>
/// <param name="Name">The run name the platform chose, e.g. "@host 2026-11-21 22:34:42".</param>
/// <param name="FilePath">The TRX file the run was read from.</param>
/// <param name="Counters">The platform's own counters; reports count <paramref name="Results"/> instead.</param>
/// <param name="Results">One entry per UnitTestResult, in file order.</param>
public sealed record TestRun(string Name, string FilePath, TestRunCounters Counters, IReadOnlyList<TestCaseResult> Results)
{
    /// <summary>Gets the ResultSummary outcome, e.g. "Completed" or "Failed".</summary>
    public string Outcome { get; init; } = "";

    public DateTimeOffset? Started { get; init; }

    public DateTimeOffset? Finished { get; init; }
}
