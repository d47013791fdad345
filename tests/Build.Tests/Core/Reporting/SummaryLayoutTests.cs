using System.Text.Json;
using System.Text.RegularExpressions;
using Build.Core.Reporting;
using Build.Core.Secrets;
using Build.Core.Vulnerabilities;
using Build.Stages.Image.Vulnerabilities;
using Build.Stages.Test;
using Build.Tests.Stages.Test;

namespace Build.Tests.Core.Reporting;

/// <summary>summary.md as people read it: durations like 4m 02s, and headings that nest (## run, ### section, #### inside).</summary>
public sealed partial class SummaryLayoutTests : IDisposable
{
    private readonly DirectoryInfo _artifacts = Directory.CreateTempSubdirectory("summary-layout-");

    public void Dispose() => _artifacts.Delete(recursive: true);

    [Fact]
    public void Durations_read_like_a_clock_in_summary_md_and_stay_seconds_in_build_report_json()
    {
        var report = new BuildReport();
        report.BeginTask();
        report.EndTask("Version", "Succeeded", TimeSpan.FromSeconds(0.4), null, null);
        report.BeginTask();
        report.EndTask("Test", "Succeeded", TimeSpan.FromSeconds(242.9326708), null, null);
        report.BeginTask();
        report.EndTask("Deploy", "Succeeded", TimeSpan.FromSeconds(3750), null, null);

        var summary = ReportWriter.Write(report, Run(), _artifacts.FullName, new SecretRegistry());

        Assert.Contains("| Version | Succeeded | 0.4s |", summary, StringComparison.Ordinal);
        Assert.Contains("| Test | Succeeded | 4m 02s |", summary, StringComparison.Ordinal);
        Assert.Contains("| Deploy | Succeeded | 1h 02m |", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("00:0", summary, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_artifacts.FullName, "build-report.json")));
        var seconds = json.RootElement.GetProperty("tasks").EnumerateArray().Select(task => task.GetProperty("durationSeconds").GetDouble()).ToList();
        Assert.Equal([0.4, 242.933, 3750], seconds);
    }

    [Fact]
    public void Every_heading_inside_a_section_is_below_the_sections_own()
    {
        var report = new BuildReport();
        report.BeginTask();
        report.EndTask("Test", "Failed", TimeSpan.FromSeconds(3), null, "1 test failed");
        report.AddSection("Tests", new TestRunSummary([TrxFixture.Read()]).ToMarkdown());
        var gate = VulnerabilityGate.Evaluate([new VulnerabilityFinding("CVE-1", VulnerabilitySeverity.Critical, "zlib", "1", null, null, "trivy", null)], VulnerabilitySeverity.High, [], new DateOnly(2025, 3, 1));
        report.AddSection("Image scan", VulnerabilityMarkdown.Section(gate, [ScannerOutcome.Completed("trivy", gate.Findings)]));

        var summary = ReportWriter.ToMarkdown(report, Run());

        var headings = Heading().Matches(summary).Select(match => match.Groups["level"].Value.Length).ToList();
        Assert.Equal(2, headings[0]);
        Assert.Equal(1, headings.Count(level => level <= 2));
        var sections = summary.Split("\n### ")[1..];
        Assert.Equal(2, sections.Length);
        foreach (var section in sections)
        {
            Assert.All(Heading().Matches(section), match => Assert.True(match.Groups["level"].Value.Length >= 4, section));
        }

        Assert.Contains("\n#### Failed tests\n", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("## Test results", summary, StringComparison.Ordinal);
    }

    private static BuildRunInfo Run() => new("Test", "local", "Release", null, "Local", true, null, new Dictionary<string, string>());

    [GeneratedRegex("^(?<level>#+) ", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
