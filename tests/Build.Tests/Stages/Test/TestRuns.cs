using Build.Stages.Test;
namespace Build.Tests.Stages.Test;

/// <summary>Synthetic runs for cases a real TRX does not show.</summary>
internal static class TestRuns
{
    public static TestRun Of(params TestCaseResult[] results) =>
        new("synthetic", "synthetic.trx", new TestRunCounters(results.Length, results.Length, 0, 0, 0), results);

    public static TestCaseResult Passed(string name, string className = "Tests.Sample") =>
        new(className, name, TestOutcome.Passed, TimeSpan.FromMilliseconds(10));

    public static TestCaseResult Failed(string name, string message, string className = "Tests.Sample") =>
        new(className, name, TestOutcome.Failed, TimeSpan.FromMilliseconds(20), message, "   at Tests.Sample." + name + "()");
}
