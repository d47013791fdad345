using System.Text.RegularExpressions;
using Build.Tests.Support;
namespace Build.Tests.EndToEnd;

public sealed class BuildReportTests : IDisposable
{
    private readonly BuildProcess _build = new();

    [Fact]
    public void The_Version_target_writes_a_report_with_the_task_its_status_and_the_version()
    {
        var run = _build.Run("--target", "Version");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = BuildReportJson.Read(_build.Artifacts);
        Assert.Equal("Version", report.Target);
        Assert.True(report.Succeeded);
        Assert.Equal("Local", report.CiProvider);
        var task = report.Task("Version");
        Assert.Equal("Succeeded", task.GetProperty("status").GetString());
        var version = task.GetProperty("outputs").GetProperty("version").GetString();
        Assert.Equal("0.0.0-alpha.0", version);
        Assert.Equal(version, report.Root.GetProperty("version").GetString());

        var summaryPath = Path.Combine(_build.Artifacts, "summary.md");
        Assert.True(File.Exists(summaryPath), run.ToString());
        var summary = File.ReadAllLines(summaryPath);
        Assert.Contains(summary, line => line.StartsWith("| Version | Succeeded |", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(_build.Artifacts, "version.json")), run.ToString());
    }

    [Fact]
    public void The_closing_task_table_and_the_summary_give_durations_like_0_1s_not_timespans()
    {
        var run = _build.Run("--target", "Version");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotMatch(@"\d\d:\d\d:\d\d\.\d{7}", run.Output);
        Assert.Contains(run.OutputLines, line => Regex.IsMatch(line, @"^\s+Version\s+\d+\.\ds\s+Succeeded\s*$"));
        Assert.Contains(run.OutputLines, line => Regex.IsMatch(line, @"^\s+Total:\s+\d+\.\ds\s*$"));
        var summary = File.ReadAllText(Path.Combine(_build.Artifacts, "summary.md"));
        Assert.Matches(@"\n\| Version \| Succeeded \| \d+\.\ds \|", summary);
        Assert.True(BuildReportJson.Read(_build.Artifacts).Task("Version").GetProperty("durationSeconds").GetDouble() >= 0);
    }

    public void Dispose() => _build.Dispose();
}
