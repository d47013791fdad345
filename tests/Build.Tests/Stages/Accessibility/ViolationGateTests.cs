using Build.Parameters;
using Build.Stages.Accessibility;
namespace Build.Tests.Stages.Accessibility;

public sealed class ViolationGateTests
{
    private static readonly string[] Root = ["/"];

    private static GateResult Evaluate(ImpactLevel threshold, IReadOnlyList<BaselineEntry> baseline, params AccessibilityViolation[] violations) =>
        new ViolationGate(threshold, baseline, Sample.Today).Evaluate(violations, Root);

    [Theory]
    [InlineData(ImpactLevel.Serious, ImpactLevel.Critical, false)]
    [InlineData(ImpactLevel.Serious, ImpactLevel.Serious, false)]
    [InlineData(ImpactLevel.Serious, ImpactLevel.Moderate, true)]
    [InlineData(ImpactLevel.Critical, ImpactLevel.Serious, true)]
    [InlineData(ImpactLevel.Minor, ImpactLevel.Minor, false)]
    public void A_violation_fails_at_or_above_the_threshold(ImpactLevel threshold, ImpactLevel impact, bool passes)
    {
        var result = Evaluate(threshold, [], Sample.Violation("some-rule", impact));

        Assert.Equal(passes, result.Passed);
        Assert.Equal(passes ? ViolationStatus.BelowThreshold : ViolationStatus.Failing, Assert.Single(result.Violations).Status);
    }

    [Fact]
    public void Every_violation_is_reported_whatever_its_impact_and_the_message_names_the_failing_rules()
    {
        var result = Evaluate(ImpactLevel.Serious, [],
            Sample.Violation("image-alt", ImpactLevel.Critical, "/a"),
            Sample.Violation("color-contrast", ImpactLevel.Serious, "/b"),
            Sample.Violation("link-in-text-block", ImpactLevel.Moderate, "/b"),
            Sample.Violation("minor-rule", ImpactLevel.Minor, "/b"));

        Assert.False(result.Passed);
        Assert.Equal(4, result.Violations.Count);
        Assert.Equal(2, result.Failures.Count);
        Assert.Equal("Accessibility failed: 2 violation(s) at or above serious on 2 page(s): color-contrast, image-alt.", result.Message);
    }

    [Fact]
    public void An_unexpired_baseline_entry_accepts_its_violation_and_the_gate_passes()
    {
        var entry = Sample.Entry("color-contrast", expires: Sample.Today);

        var result = Evaluate(ImpactLevel.Serious, [entry], Sample.Violation("color-contrast", ImpactLevel.Serious));

        Assert.True(result.Passed, result.Message);
        var judged = Assert.Single(result.Violations);
        Assert.Equal(ViolationStatus.Accepted, judged.Status);
        Assert.Same(entry, judged.Entry);
        Assert.Empty(result.Stale);
    }

    [Fact]
    public void An_expired_entry_accepts_nothing_and_the_failure_says_it_expired()
    {
        var entry = Sample.Entry("color-contrast", expires: Sample.Today.AddDays(-1));

        var result = Evaluate(ImpactLevel.Serious, [entry], Sample.Violation("color-contrast", ImpactLevel.Serious));

        Assert.False(result.Passed);
        Assert.Equal(ViolationStatus.Expired, Assert.Single(result.Violations).Status);
        Assert.Contains("1 of them with an expired baseline entry", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_matches_rule_page_and_selector_exactly()
    {
        var result = Evaluate(ImpactLevel.Serious, [Sample.Entry("label", "/", "#name")],
            Sample.Violation("label", ImpactLevel.Critical, "/", "#email"),
            Sample.Violation("label", ImpactLevel.Critical, "/contact", "#name"),
            Sample.Violation("image-alt", ImpactLevel.Critical, "/", "#name"));

        Assert.All(result.Violations, judged => Assert.Equal(ViolationStatus.Failing, judged.Status));
        Assert.Single(result.Stale);
    }

    [Fact]
    public void An_entry_that_matches_nothing_on_a_scanned_page_is_stale_and_one_for_an_unscanned_page_is_not_judged()
    {
        var onScannedPage = Sample.Entry("image-alt", "/");
        var onOtherPage = Sample.Entry("image-alt", "/never-opened");

        var result = Evaluate(ImpactLevel.Serious, [onScannedPage, onOtherPage]);

        Assert.True(result.Passed);
        Assert.Equal([onScannedPage], result.Stale);
    }
}
