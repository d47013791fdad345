namespace Build.Stages.Test;

/// <summary>One result of a test run: a test method, or one row of a data-driven test.</summary>
/// <param name="ClassName">The fully-qualified test class.</param>
/// <param name="Name">The test name without the class, e.g. <c>Adds(left: 1, right: 2)</c> for a theory row.</param>
/// <param name="Outcome">Passed, failed, skipped or something else.</param>
/// <param name="Duration">The TRX <c>duration</c>.</param>
/// <param name="ErrorMessage">The failure message; for a skipped test, the reason.</param>
/// <param name="StackTrace">The stack trace of a failure.</param>
/// <param name="StdOut">What the test wrote to its output (xunit's ITestOutputHelper).</param>
public sealed record TestCaseResult(
    string ClassName,
    string Name,
    TestOutcome Outcome,
    TimeSpan Duration,
    string? ErrorMessage = null,
    string? StackTrace = null,
    string? StdOut = null)
{
    /// <summary>Gets the outcome as the TRX file wrote it, e.g. "Timeout" for <see cref="TestOutcome.Other"/>.</summary>
    public string RawOutcome { get; init; } = Outcome.ToString();

    public string TestId { get; init; } = "";

    public string FullName => ClassName.Length > 0 ? $"{ClassName}.{Name}" : Name;
}
