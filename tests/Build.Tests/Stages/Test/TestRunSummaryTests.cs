using Build.Stages.Test;
namespace Build.Tests.Stages.Test;

public sealed class TestRunSummaryTests
{
    private const string FailedEntry =
        "Sample.Calculator.Tests.CalculatorTests.Describe_of_a_large_number_is_small: Assert.Equal() Failure: Strings differ";

    [Fact]
    public void The_totals_of_the_real_run_are_counted_from_its_results()
    {
        var summary = new TestRunSummary([TrxFixture.Read()]);

        Assert.Equal((7, 5, 1, 1, 0), (summary.Total, summary.Passed, summary.Failed, summary.Skipped, summary.Errors));
        Assert.True(summary.HasFailures);
        Assert.Equal([FailedEntry], summary.FailedTests);
    }

    [Fact]
    public void Several_runs_are_added_up()
    {
        var run = TrxFixture.Read();

        var summary = new TestRunSummary([run, run, TestRuns.Of(TestRuns.Passed("Extra"))]);

        Assert.Equal((15, 11, 2, 2), (summary.Total, summary.Passed, summary.Failed, summary.Skipped));
        Assert.Equal([FailedEntry, FailedEntry], summary.FailedTests);
    }

    [Fact]
    public void The_markdown_has_a_table_of_totals_and_lists_the_failed_tests()
    {
        var markdown = new TestRunSummary([TrxFixture.Read()]).ToMarkdown();

        Assert.StartsWith("| Total | Passed | Failed | Errors | Skipped |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n#### Failed tests\n", markdown, StringComparison.Ordinal);
        Assert.Contains("\n| 7 | 5 | 1 | 0 | 1 |\n", markdown, StringComparison.Ordinal);
        Assert.Contains(
            "\n- `Sample.Calculator.Tests.CalculatorTests.Describe_of_a_large_number_is_small`: Assert.Equal() Failure: Strings differ\n",
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_first_line_of_a_message_is_kept_and_its_markup_is_escaped()
    {
        var run = TestRuns.Of(TestRuns.Failed("Renders", "Expected <b>*bold*</b> | x_y\nsecond line"));

        var summary = new TestRunSummary([run]);

        Assert.Equal(["Tests.Sample.Renders: Expected <b>*bold*</b> | x_y"], summary.FailedTests);
        Assert.Contains("- `Tests.Sample.Renders`: Expected \\<b\\>\\*bold\\*\\</b\\> \\| x\\_y\n", summary.ToMarkdown(), StringComparison.Ordinal);
        Assert.DoesNotContain("second line", summary.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_lists_at_most_fifty_failures_and_says_how_many_more()
    {
        var failures = Enumerable.Range(1, 53).Select(i => TestRuns.Failed($"Case{i:00}", $"failure {i}")).ToArray();

        var markdown = new TestRunSummary([TestRuns.Of(failures)]).ToMarkdown();

        var bullets = markdown.Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(51, bullets.Count);
        Assert.Equal("- `Tests.Sample.Case50`: failure 50", bullets[49]);
        Assert.Equal("- and 3 more", bullets[50]);
        Assert.DoesNotContain("Case51", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_without_a_message_and_an_error_outcome_are_listed_with_their_outcome()
    {
        var run = TestRuns.Of(
            new TestCaseResult("Ns.A", "Crashes", TestOutcome.Failed, TimeSpan.Zero),
            new TestCaseResult("Ns.B", "Hangs", TestOutcome.Other, TimeSpan.Zero) { RawOutcome = "Timeout" });

        var summary = new TestRunSummary([run]);

        Assert.Equal(["Ns.A.Crashes: outcome Failed", "Ns.B.Hangs: outcome Timeout"], summary.FailedTests);
        Assert.Equal(1, summary.Errors);
    }

    [Fact]
    public void Without_failures_the_markdown_says_so()
    {
        var markdown = new TestRunSummary([TestRuns.Of(TestRuns.Passed("A"), TestRuns.Passed("B"))]).ToMarkdown();

        Assert.Contains("| 2 | 2 | 0 | 0 | 0 |", markdown, StringComparison.Ordinal);
        Assert.EndsWith("No failed tests.\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("- ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_tests_the_markdown_says_none_ran()
    {
        var summary = new TestRunSummary([TestRuns.Of()]);

        Assert.False(summary.HasFailures);
        Assert.EndsWith("No tests ran.\n", summary.ToMarkdown(), StringComparison.Ordinal);
    }
}
