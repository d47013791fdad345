using Build.Stages.Test;

namespace Build.Tests.Stages.Test;

public sealed class SlowestTestsTests
{
    private static TestCaseResult Took(string name, double seconds, TestOutcome outcome = TestOutcome.Passed) =>
        new("Tests.Sample", name, outcome, TimeSpan.FromSeconds(seconds));

    [Fact]
    public void The_five_slowest_that_ran_come_slowest_first_with_aligned_durations()
    {
        var run = TestRuns.Of(Took("A", 1), Took("B", 75), Took("C", 3), Took("D", 0.5), Took("E", 12), Took("F", 2), Took("Skipped", 99, TestOutcome.NotExecuted));

        var slowest = SlowestTests.Of([run]);

        Assert.Equal(["B", "E", "C", "F", "A"], slowest.Select(result => result.Name));
        Assert.Equal(
            ["Slowest tests:", "  1m 15s  Tests.Sample.B", "   12.0s  Tests.Sample.E", "    3.0s  Tests.Sample.C", "    2.0s  Tests.Sample.F", "    1.0s  Tests.Sample.A"],
            SlowestTests.Lines(slowest, Build.Core.Text.DurationText.Format));
    }

    [Fact]
    public void The_markdown_is_a_table_under_its_own_heading_and_empty_when_nothing_ran()
    {
        var slowest = SlowestTests.Of([TestRuns.Of(Took("Reads(text: \"a|b\")", 2))]);

        Assert.Equal(
            "\n#### Slowest tests\n\n| Test | Duration |\n| ---- | -------: |\n| `Tests.Sample.Reads(text: \"a\\|b\")` | 2.0s |\n",
            SlowestTests.ToMarkdown(slowest, Build.Core.Text.DurationText.Format));
        Assert.Equal("", SlowestTests.ToMarkdown([], Build.Core.Text.DurationText.Format));
        Assert.Empty(SlowestTests.Lines([], Build.Core.Text.DurationText.Format));
    }
}
