using Build.Tests.Core.Checkout;
using Build.Tests.Support;

namespace Build.Tests.EndToEnd;

/// <summary>
/// The same target under GitHub Actions, Jenkins and no CI variables: the same tasks, the same decisions (each task's
/// outputs but its time) and the same artifact files; only the run identity in build-report.json differs.
/// </summary>
public sealed class CiProviderParityTests
{
    [Fact]
    public void Local_Jenkins_and_GitHub_Actions_run_the_same_tasks_with_the_same_decisions_and_files()
    {
        var local = RunVersion(new Dictionary<string, string>(StringComparer.Ordinal));
        var jenkins = RunVersion(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["JENKINS_URL"] = "http://jenkins.example.invalid/",
            ["JENKINS_HOME"] = "/var/lib/jenkins",
            ["BUILD_URL"] = "http://jenkins.example.invalid/job/app/1/",
            ["JOB_NAME"] = "app/main",
            ["BUILD_NUMBER"] = "41",
            ["STAGE_NAME"] = "Build",
        });
        var gitHub = RunVersion(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["CI"] = "true",
            ["GITHUB_WORKFLOW"] = "build",
            ["GITHUB_RUN_NUMBER"] = "17",
            ["GITHUB_JOB"] = "build",
        });

        Assert.Equal("Local", local.Report.CiProvider);
        Assert.Equal("Jenkins", jenkins.Report.CiProvider);
        Assert.Equal("GitHubActions", gitHub.Report.CiProvider);
        Assert.Equal([("Prerequisites", "Succeeded"), ("Version", "Succeeded")], local.Report.Tasks);
        Assert.Equal(local.Report.Tasks, jenkins.Report.Tasks);
        Assert.Equal(local.Report.Tasks, gitHub.Report.Tasks);
        Assert.Equal(["Prerequisites: checked = git", "Version: version = 0.0.0-alpha.0.1"], local.Decisions);
        Assert.Equal(local.Decisions, jenkins.Decisions);
        Assert.Equal(local.Decisions, gitHub.Decisions);
        Assert.Equal(["build-report.json", "summary.md", "version.json"], local.Files);
        Assert.Equal(local.Files, jenkins.Files);
        Assert.Equal(local.Files, gitHub.Files);
        Assert.All([local, jenkins, gitHub], run => Assert.True(run.Report.Succeeded));

        // The run identity and the dirty flag: the tree has an uncommitted change in every run.
        Assert.Equal(("Local", null, null, null), Identity(local.Report));
        Assert.Equal(("Jenkins", "app/main", "41", "Build"), Identity(jenkins.Report));
        Assert.Equal(("GitHubActions", "build", "17", "build"), Identity(gitHub.Report));
        Assert.All([local, jenkins, gitHub], run => Assert.True(run.Report.Root.GetProperty("dirty").GetBoolean()));
    }

    private static (string? Provider, string? Pipeline, string? RunNumber, string? Job) Identity(BuildReportJson report)
    {
        var ci = report.Root.GetProperty("ci");
        return (ci.GetProperty("provider").GetString(), ci.GetProperty("pipeline").GetString(), ci.GetProperty("runNumber").GetString(), ci.GetProperty("job").GetString());
    }

    private static ParityRun RunVersion(Dictionary<string, string> environment)
    {
        using var build = new BuildProcess();
        CheckoutRepository.Init(build);
        File.AppendAllText(build.Path("src", "Program.cs"), "// an uncommitted change\n");
        if (environment.ContainsKey("GITHUB_ACTIONS"))
        {
            var runner = build.Path(".build", "runner");
            Directory.CreateDirectory(runner);
            var summary = Path.Combine(runner, "step-summary.md");
            File.WriteAllText(summary, "");
            File.WriteAllText(Path.Combine(runner, "github-env"), "");
            File.WriteAllText(Path.Combine(runner, "github-output"), "");
            environment["GITHUB_STEP_SUMMARY"] = summary;
            environment["GITHUB_ENV"] = Path.Combine(runner, "github-env");
            environment["GITHUB_OUTPUT"] = Path.Combine(runner, "github-output");
        }

        foreach (var (name, value) in environment)
        {
            build.Environment[name] = value;
        }

        var run = build.Run("--target", "Version");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = BuildReportJson.Read(build.Artifacts);
        var files = build.ReadArtifacts().Keys.Select(file => Path.GetRelativePath(build.Artifacts, file).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        return new ParityRun(report, Decisions(report), files);
    }

    // Each task's outputs but its time: what the task decided and found.
    private static List<string> Decisions(BuildReportJson report) =>
        [.. report.Root.GetProperty("tasks").EnumerateArray().SelectMany(task => task.GetProperty("outputs").EnumerateObject()
            .Where(output => output.Name != "time")
            .Select(output => $"{task.GetProperty("name").GetString()}: {output.Name} = {output.Value.GetString()}"))];

    private sealed record ParityRun(BuildReportJson Report, List<string> Decisions, List<string> Files);
}
