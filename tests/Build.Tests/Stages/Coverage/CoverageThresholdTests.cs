using Build.Stages.Coverage;
namespace Build.Tests.Stages.Coverage;

public sealed class CoverageThresholdTests
{
    private static readonly CoverageReport Merged = CoberturaReader.Read(CoberturaFixtures.Merged);

    [Fact]
    public void A_package_below_the_threshold_fails_with_actual_and_required_figures()
    {
        var result = new CoverageThreshold("App", 80, 60).Evaluate(Merged);

        Assert.False(result.Passed);
        Assert.True(result.PackageFound);
        Assert.Equal("Coverage of App is below the threshold: line 71.3% (required 80%), branch 55.0% (required 60%).", result.Message);
        Assert.Equal((71.3m, 80m), (result.ActualLinePercent, result.RequiredLinePercent));
        Assert.Equal((55m, 60m), (result.ActualBranchPercent, result.RequiredBranchPercent));
    }

    [Fact]
    public void A_package_at_or_above_the_threshold_passes()
    {
        var result = new CoverageThreshold("App", 71.3m, 55).Evaluate(Merged);

        Assert.True(result.Passed);
        Assert.Equal("Coverage of App meets the threshold: line 71.3% (required 71.3%), branch 55.0% (required 55%).", result.Message);
    }

    [Fact]
    public void Failing_only_the_branch_threshold_fails()
    {
        var result = new CoverageThreshold("App.Infrastructure", 70, 50.01m).Evaluate(Merged);

        Assert.False(result.Passed);
        Assert.Equal("Coverage of App.Infrastructure is below the threshold: line 75.0% (required 70%), branch 50.0% (required 50.01%).", result.Message);
    }

    [Fact]
    public void The_real_coverlet_report_is_checked_by_assembly_name_ignoring_case()
    {
        var report = CoberturaReader.Read(CoberturaFixtures.Coverlet);

        var result = new CoverageThreshold("sample.calculator", 60, 50).Evaluate(report);

        Assert.True(result.Passed);
        Assert.Equal("Coverage of Sample.Calculator meets the threshold: line 60.0% (required 60%), branch 50.0% (required 50%).", result.Message);
    }

    [Fact]
    public void A_missing_package_fails_and_names_the_packages_there_are()
    {
        var result = new CoverageThreshold("App.Web", 80, 60).Evaluate(Merged);

        Assert.False(result.Passed);
        Assert.False(result.PackageFound);
        Assert.Null(result.ActualLinePercent);
        Assert.Equal(
            $"Coverage of App.Web cannot be checked: {CoberturaFixtures.Merged} has no package named 'App.Web' (packages: App, App.Infrastructure).",
            result.Message);
    }

    [Fact]
    public void A_report_without_any_package_says_what_leaves_one_and_how_to_recover()
    {
        var empty = CoberturaReader.Parse(System.Xml.Linq.XDocument.Parse("<coverage line-rate=\"0\" branch-rate=\"0\"><sources /><packages /></coverage>"), "artifacts/coverage/Cobertura.xml");

        var result = new CoverageThreshold("App", 80, 60).Evaluate(empty);

        Assert.False(result.Passed);
        Assert.Equal(
            "Coverage of App cannot be checked: artifacts/coverage/Cobertura.xml has no package named 'App' (packages: none); coverlet recorded no module at all, which happens when an interrupted test run left its instrumented assemblies half restored: rebuild them (./build.sh --target Clean, then run again).",
            result.Message);
    }

    [Theory]
    [InlineData(-1, 50)]
    [InlineData(50, 100.5)]
    public void A_percentage_outside_zero_to_hundred_is_rejected(double line, double branch)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoverageThreshold("App", (decimal)line, (decimal)branch));
    }

    [Fact]
    public void A_threshold_needs_a_package_name()
    {
        Assert.Throws<ArgumentException>(() => new CoverageThreshold(" ", 80, 60));
    }
}
