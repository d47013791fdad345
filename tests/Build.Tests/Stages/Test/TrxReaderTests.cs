using System.Xml.Linq;
using Build.Stages.Test;

namespace Build.Tests.Stages.Test;

public sealed class TrxReaderTests
{
    private static readonly TestRun Run = TrxFixture.Read();

    [Fact]
    public void The_run_name_file_and_times_are_read()
    {
        Assert.Equal("@vm 2026-11-21 22:34:42", Run.Name);
        Assert.Equal(TrxFixture.Path, Run.FilePath);
        Assert.Equal("Failed", Run.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 22, 34, 38, TimeSpan.Zero).AddTicks(4331910), Run.Started);
        Assert.True(Run.Finished > Run.Started);
    }

    [Fact]
    public void The_counters_are_read_as_written_and_an_xunit_skip_still_counts_as_skipped()
    {
        Assert.Equal(new TestRunCounters(Total: 7, Executed: 6, Passed: 5, Failed: 1, NotExecuted: 0), Run.Counters);
        Assert.Equal(1, Run.Counters.Skipped);
    }

    [Fact]
    public void Every_result_is_read_with_its_outcome()
    {
        Assert.Equal(7, Run.Results.Count);
        Assert.Equal(5, Run.Results.Count(result => result.Outcome == TestOutcome.Passed));
        Assert.Single(Run.Results, result => result.Outcome == TestOutcome.Failed);
        Assert.Single(Run.Results, result => result.Outcome == TestOutcome.NotExecuted);
    }

    [Fact]
    public void The_class_comes_from_the_test_definition_and_is_stripped_from_the_name()
    {
        var division = Assert.Single(Run.Results, result => result.ClassName == TrxFixture.DivisionTests);

        Assert.Equal("Divide_truncates_toward_zero", division.Name);
        Assert.Equal($"{TrxFixture.DivisionTests}.Divide_truncates_toward_zero", division.FullName);
        Assert.Equal(6, Run.Results.Count(result => result.ClassName == TrxFixture.CalculatorTests));
    }

    [Fact]
    public void Each_theory_row_is_a_result_of_its_own()
    {
        var rows = Run.Results.Where(result => result.Name.StartsWith("Classify_names_the_sign(", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal(TrxFixture.CalculatorTests, row.ClassName));
        Assert.Contains(rows, row => row.Name == "Classify_names_the_sign(value: -4, expected: \"negative\")");
        Assert.Equal(3, rows.Select(row => row.TestId).Distinct().Count());
    }

    [Fact]
    public void A_failure_has_its_message_and_stack_trace()
    {
        var failed = Assert.Single(Run.Results, result => result.Outcome == TestOutcome.Failed);

        Assert.Equal(TrxFixture.FailedTest, failed.Name);
        Assert.StartsWith("Assert.Equal() Failure: Strings differ\n", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Actual:   \"<large & \"loud\">\"", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.StartsWith($"   at {TrxFixture.CalculatorTests}.{TrxFixture.FailedTest}()", failed.StackTrace, StringComparison.Ordinal);
        Assert.Equal("Failed", failed.RawOutcome);
    }

    [Fact]
    public void A_skipped_test_keeps_its_reason_and_standard_output_is_read()
    {
        var skipped = Assert.Single(Run.Results, result => result.Outcome == TestOutcome.NotExecuted);
        var add = Assert.Single(Run.Results, result => result.Name == "Add_returns_the_sum");

        Assert.Equal("Division by zero behaviour is not decided yet", skipped.ErrorMessage);
        Assert.Null(skipped.StackTrace);
        Assert.Equal("Adding 2 and 3", add.StdOut);
        Assert.Null(add.ErrorMessage);
    }

    [Fact]
    public void The_duration_is_read_to_the_tick()
    {
        var division = Assert.Single(Run.Results, result => result.ClassName == TrxFixture.DivisionTests);

        Assert.Equal(TimeSpan.FromTicks(412_217), division.Duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<Results />")]
    public void A_run_without_results_has_none(string results)
    {
        var run = Parse($"""
            <TestRun name="crashed" xmlns="{TrxReader.Namespace}">
              {results}
              <ResultSummary outcome="Failed"><Counters total="0" executed="0" passed="0" failed="0" /></ResultSummary>
            </TestRun>
            """);

        Assert.Empty(run.Results);
        Assert.Equal("crashed", run.Name);
        Assert.Equal("Failed", run.Outcome);
        Assert.Null(run.Started);
    }

    [Fact]
    public void Unknown_outcomes_are_other_and_a_result_without_definition_takes_its_class_from_its_name()
    {
        var run = Parse($"""
            <TestRun name="r" xmlns="{TrxReader.Namespace}">
              <Results>
                <UnitTestResult testId="x" testName="Ns.Slow.Waits(seconds: 1.5)" outcome="Timeout" duration="00:01:00" />
              </Results>
            </TestRun>
            """);

        var result = Assert.Single(run.Results);
        Assert.Equal(TestOutcome.Other, result.Outcome);
        Assert.Equal("Timeout", result.RawOutcome);
        Assert.Equal("Ns.Slow", result.ClassName);
        Assert.Equal("Waits(seconds: 1.5)", result.Name);
        Assert.Equal(TimeSpan.FromMinutes(1), result.Duration);
        Assert.Equal(new TestRunCounters(0, 0, 0, 0, 0), run.Counters);
    }

    [Fact]
    public void A_file_that_is_not_a_trx_is_rejected_with_its_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => TrxReader.Parse(XDocument.Parse("<TestRun />"), "plain.xml"));

        Assert.Contains("plain.xml is not a TRX file", error.Message, StringComparison.Ordinal);
    }

    private static TestRun Parse(string xml) => TrxReader.Parse(XDocument.Parse(xml), "inline.trx");
}
