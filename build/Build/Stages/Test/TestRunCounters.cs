namespace Build.Stages.Test;

/// <summary>The ResultSummary/Counters of a TRX file, as the test platform wrote them.</summary>
public sealed record TestRunCounters(int Total, int Executed, int Passed, int Failed, int NotExecuted)
{
    /// <summary>
    /// Gets the tests that did not run. vstest counts an xunit skip in neither <c>executed</c> nor <c>notExecuted</c>
    /// (MSTest's [Ignore] goes to <c>notExecuted</c>), so this is whichever of the two readings is larger.
    /// </summary>
    public int Skipped => Math.Max(NotExecuted, Total - Executed);
}
