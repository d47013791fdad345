namespace Build.Stages.Test;

/// <summary>The outcome of one test result, reduced to what reports distinguish.</summary>
public enum TestOutcome
{
    Passed,
    Failed,

    /// <summary>Skipped: TRX "NotExecuted".</summary>
    NotExecuted,

    /// <summary>Any other TRX outcome (Error, Timeout, Aborted, Inconclusive...): see <see cref="TestCaseResult.RawOutcome"/>.</summary>
    Other,
}
