using Build.Stages.Test;

namespace Build.Tests.Stages.Test;

public sealed class FailedTestsLineTests
{
    private const string Details = "artifacts/summary.md";

    [Fact]
    public void One_failure_is_named_by_class_and_method()
    {
        var line = FailedTestsLine.Of([Failed("Sample.Calc.CalculatorTests", "Adds")], Details);

        Assert.Equal("1 test failed: CalculatorTests.Adds, details in artifacts/summary.md", line);
    }

    [Fact]
    public void Theory_cases_are_one_name_cut_at_the_argument_list()
    {
        var line = FailedTestsLine.Of(
            [
                Failed("Sample.CalculatorTests", "Adds(left: 1, right: \"(2, 3)\")"),
                Failed("Sample.CalculatorTests", "Adds(left: 4, right: \"x)\")"),
                Failed("Sample.CalculatorTests", "Divides(by: 0)"),
            ],
            Details);

        Assert.Equal("3 tests failed: CalculatorTests.Adds (and its other cases), CalculatorTests.Divides, details in artifacts/summary.md", line);
    }

    [Fact]
    public void Past_three_names_the_line_says_how_many_more()
    {
        var failed = Enumerable.Range(1, 6).Select(number => Failed("Sample.ParserTests", $"Case{number}")).ToList();

        var line = FailedTestsLine.Of(failed, "out/ci1/summary.md");

        Assert.Equal("6 tests failed: ParserTests.Case1, ParserTests.Case2, ParserTests.Case3 (+3 more), details in out/ci1/summary.md", line);
    }

    [Fact]
    public void The_same_test_failing_twice_is_one_name_without_other_cases()
    {
        // One test project built for two frameworks reports the same test twice.
        var line = FailedTestsLine.Of([Failed("Sample.ParserTests", "Reads"), Failed("Sample.ParserTests", "Reads")], Details);

        Assert.Equal("2 tests failed: ParserTests.Reads, details in artifacts/summary.md", line);
    }

    [Theory]
    [InlineData("Sample.Outer+InnerTests", "Works", "Outer.InnerTests.Works")]
    [InlineData("", "Sample.Tests.Works(x: 1)", "Sample.Tests.Works")]
    [InlineData("Sample.Tests", "Adds two numbers (with a custom name)", "Tests.Adds two numbers")]
    public void A_name_is_the_class_and_the_display_name_before_its_arguments(string className, string name, string expected) =>
        Assert.Equal(expected, FailedTestsLine.ShortName(Failed(className, name)));

    private static TestCaseResult Failed(string className, string name) => new(className, name, TestOutcome.Failed, TimeSpan.Zero, "boom");
}
