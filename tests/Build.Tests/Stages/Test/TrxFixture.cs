using Build.Stages.Test;
namespace Build.Tests.Stages.Test;

/// <summary>The TRX that a throwaway xunit project (pass, fail, skip, 3-row theory, second class) really produced.</summary>
internal static class TrxFixture
{
    public const string FailedTest = "Describe_of_a_large_number_is_small";
    public const string CalculatorTests = "Sample.Calculator.Tests.CalculatorTests";
    public const string DivisionTests = "Sample.Calculator.Tests.DivisionTests";

    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "reports", "xunit.trx");

    public static TestRun Read() => TrxReader.Read(Path);
}
