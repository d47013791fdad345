using System.Text.Json;
using Build.Core.Reporting;
using Build.Core.Secrets;

namespace Build.Tests.Core.Reporting;

public sealed class BoundedReportTests : IDisposable
{
    private readonly DirectoryInfo _artifacts = Directory.CreateTempSubdirectory("bounded-report-");

    [Fact]
    public void A_huge_section_and_error_are_cut_in_summary_and_report_and_written_whole_beside_them()
    {
        var report = new BuildReport();
        report.BeginTask();
        var error = "ignore.json is invalid: " + string.Join("; ", Enumerable.Range(1, 150_000).Select(n => $"entry {n} has no reason"));
        report.EndTask("ImageScan", "Failed", TimeSpan.FromSeconds(1), null, error);
        var hugeSection = string.Join("\n", Enumerable.Range(1, 200_000).Select(n => $"| CVE-{n} | libfoo | HIGH |"));
        report.AddSection("Vulnerabilities", hugeSection);

        var summary = ReportWriter.Write(report, Run(error), _artifacts.FullName, new SecretRegistry());

        Assert.InRange(summary.Length, 1000, Bounded.SummaryCharacters);
        Assert.Equal(summary, File.ReadAllText(Path.Combine(_artifacts.FullName, "summary.md")));
        Assert.Contains("_Cut here: ", summary, StringComparison.Ordinal);
        Assert.Contains("the whole text is in `summary-full.md`", summary, StringComparison.Ordinal);
        var whole = File.ReadAllText(Path.Combine(_artifacts.FullName, ReportWriter.FullSummaryFile));
        Assert.Contains("| CVE-200000 | libfoo | HIGH |", whole, StringComparison.Ordinal);
        Assert.DoesNotContain("| CVE-200000 |", summary, StringComparison.Ordinal);

        Assert.Equal(error, File.ReadAllText(Path.Combine(_artifacts.FullName, ReportWriter.FullErrorFile)));
        var reportFile = Path.Combine(_artifacts.FullName, "build-report.json");
        Assert.InRange(new FileInfo(reportFile).Length, 100, 3 * Bounded.LineCharacters * 2);
        using var json = JsonDocument.Parse(File.ReadAllText(reportFile));
        var runError = json.RootElement.GetProperty("error").GetString()!;
        Assert.EndsWith("characters; the whole text is in error.txt)", runError, StringComparison.Ordinal);
        var taskError = json.RootElement.GetProperty("tasks")[0].GetProperty("error").GetString() ?? "";
        Assert.Equal(runError, taskError);
    }

    [Fact]
    public void A_report_within_bounds_is_written_as_it_is_and_stale_full_copies_are_removed()
    {
        File.WriteAllText(Path.Combine(_artifacts.FullName, ReportWriter.FullSummaryFile), "from an earlier run");
        File.WriteAllText(Path.Combine(_artifacts.FullName, ReportWriter.FullErrorFile), "from an earlier run");
        var report = new BuildReport();
        report.BeginTask();
        report.EndTask("Version", "Succeeded", TimeSpan.FromSeconds(1), null, null);
        report.AddSection("Tests", "| a | b |\n|---|---|\n| 1 | 2 |");

        var summary = ReportWriter.Write(report, Run(null), _artifacts.FullName, new SecretRegistry());

        Assert.Equal(ReportWriter.ToMarkdown(report, Run(null), bounded: false), summary);
        Assert.False(File.Exists(Path.Combine(_artifacts.FullName, ReportWriter.FullSummaryFile)));
        Assert.False(File.Exists(Path.Combine(_artifacts.FullName, ReportWriter.FullErrorFile)));
    }

    [Fact]
    public void Lists_name_the_first_items_and_how_many_more()
    {
        var items = Enumerable.Range(1, 25).Select(n => $"item {n}").ToList();

        Assert.Equal("item 1, item 2, item 3", Bounded.List(items.Take(3).ToList(), ", "));
        Assert.Equal(
            "item 1; item 2; item 3; item 4; item 5; item 6; item 7; item 8; item 9; item 10 (+15 more; all 25 in all.txt)",
            Bounded.List(items, "; ", "all.txt"));
        Assert.Equal("abc... (+3 characters)", Bounded.Text("abcdef", 3));
    }

    public void Dispose() => _artifacts.Delete(recursive: true);

    private static BuildRunInfo Run(string? error) =>
        new("ImageScan", "local", "Release", null, "Local", error is null, error, new Dictionary<string, string>());
}
