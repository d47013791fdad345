using System.Xml.Linq;
using Build.Stages.Coverage;

namespace Build.Tests.Stages.Coverage;

public sealed class CoberturaReaderTests
{
    [Fact]
    public void The_overall_figures_of_a_coverlet_report_are_read()
    {
        var report = CoberturaReader.Read(CoberturaFixtures.Coverlet);

        Assert.Equal(new CoverageCounts(LinesCovered: 12, LinesValid: 20, BranchesCovered: 6, BranchesValid: 12), report.Counts);
        Assert.Equal(60m, report.LinePercent);
        Assert.Equal(50m, report.BranchPercent);
        Assert.Equal(CoberturaFixtures.Coverlet, report.FilePath);
    }

    [Fact]
    public void A_coverlet_package_has_no_counts_so_they_are_counted_from_its_class_lines()
    {
        var package = Assert.Single(CoberturaReader.Read(CoberturaFixtures.Coverlet).Packages);

        Assert.Equal("Sample.Calculator", package.Name);
        Assert.Equal(new CoverageCounts(12, 20, 6, 12), package.Counts);
        Assert.Equal(60m, package.LinePercent);
        Assert.Equal(50m, package.BranchPercent);
    }

    [Fact]
    public void A_merged_report_with_a_doctype_is_read_from_its_count_attributes()
    {
        var report = CoberturaReader.Read(CoberturaFixtures.Merged);

        Assert.Equal(new CoverageCounts(716, 1004, 111, 202), report.Counts);
        Assert.Equal(71.31m, report.LinePercent);
        Assert.Equal(54.95m, report.BranchPercent);
        Assert.Equal(["App", "App.Infrastructure"], report.Packages.Select(package => package.Name));
    }

    [Fact]
    public void A_package_with_count_attributes_uses_them_even_without_class_detail()
    {
        var report = CoberturaReader.Read(CoberturaFixtures.Merged);

        var app = report.FindPackage("App")!;
        var infrastructure = report.FindPackage("app.infrastructure")!;
        Assert.Equal(new CoverageCounts(713, 1000, 110, 200), app.Counts);
        Assert.Equal((71.3m, 55m), (app.LinePercent, app.BranchPercent));
        Assert.Equal((75m, 50m), (infrastructure.LinePercent, infrastructure.BranchPercent));
        Assert.Null(report.FindPackage("App.Web"));
    }

    [Fact]
    public void Without_count_attributes_lines_and_conditions_are_counted_and_the_report_is_their_sum()
    {
        var report = Parse("""
            <coverage line-rate="0.5" branch-rate="0.25">
              <packages>
                <package name="A" line-rate="0.667" branch-rate="0.25">
                  <classes>
                    <class name="A.One">
                      <methods><method name="M"><lines><line number="1" hits="9" /></lines></method></methods>
                      <lines>
                        <line number="1" hits="9" branch="False" />
                        <line number="2" hits="0" branch="True" condition-coverage="0% (0/2)" />
                      </lines>
                    </class>
                    <class name="A.Two">
                      <lines><line number="5" hits="3" branch="True" condition-coverage="25% (1/4)" /></lines>
                    </class>
                  </classes>
                </package>
                <package name="B" line-rate="1" branch-rate="1">
                  <classes><class name="B.Empty"><lines /></class></classes>
                </package>
              </packages>
            </coverage>
            """);

        Assert.Equal(new CoverageCounts(2, 3, 1, 6), report.Packages[0].Counts);
        Assert.Equal((66.67m, 16.67m), (report.Packages[0].LinePercent, report.Packages[0].BranchPercent));
        Assert.Equal((100m, 100m), (report.Packages[1].LinePercent, report.Packages[1].BranchPercent));
        Assert.Equal(new CoverageCounts(2, 3, 1, 6), report.Counts);
    }

    [Fact]
    public void A_report_without_packages_is_empty_not_an_error()
    {
        var report = Parse("""<coverage line-rate="1" branch-rate="1"><packages /></coverage>""");

        Assert.Empty(report.Packages);
        Assert.Equal(CoverageCounts.Zero, report.Counts);
    }

    [Fact]
    public void A_file_that_is_not_cobertura_is_rejected_with_its_name()
    {
        var error = Assert.Throws<InvalidDataException>(() => CoberturaReader.Parse(XDocument.Parse("<report />"), "jacoco.xml"));

        Assert.Contains("jacoco.xml is not a Cobertura report", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 3, 33.33)]
    [InlineData(2, 3, 66.67)]
    [InlineData(1, 8, 12.5)]
    [InlineData(0, 5, 0)]
    [InlineData(0, 0, 100)]
    public void Percentages_are_rounded_to_two_places(int covered, int valid, double expected)
    {
        Assert.Equal((decimal)expected, CoverageCounts.Percent(covered, valid));
    }

    private static CoverageReport Parse(string xml) => CoberturaReader.Parse(XDocument.Parse(xml), "inline.xml");
}
