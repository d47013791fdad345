using Build.Tests.Support;
namespace Build.Tests.EndToEnd;

public sealed class CiProviderParityTests
{
    [Fact]
    public void Local_Jenkins_and_GitHub_Actions_run_the_same_tasks_with_the_same_results()
    {
        var local = RunVersion(new Dictionary<string, string>(StringComparer.Ordinal));
        var jenkins = RunVersion(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["JENKINS_URL"] = "http://jenkins.example.invalid/",
            ["JENKINS_HOME"] = "/var/lib/jenkins",
            ["BUILD_URL"] = "http://jenkins.example.invalid/job/app/1/",
            ["JOB_NAME"] = "app",
            ["BUILD_NUMBER"] = "1",
        });
        var gitHub = RunVersion(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["CI"] = "true",
        });

        Assert.Equal("Local", local.CiProvider);
        Assert.Equal("Jenkins", jenkins.CiProvider);
        Assert.Equal("GitHubActions", gitHub.CiProvider);
        Assert.Equal([("Prerequisites", "Succeeded"), ("Version", "Succeeded")], local.Tasks);
        Assert.Equal(local.Tasks, jenkins.Tasks);
        Assert.Equal(local.Tasks, gitHub.Tasks);
        Assert.All([local, jenkins, gitHub], report => Assert.True(report.Succeeded));
    }

    private static BuildReportJson RunVersion(Dictionary<string, string> environment)
    {
        using var build = new BuildProcess();
        if (environment.ContainsKey("GITHUB_ACTIONS"))
        {
            var summary = build.Path("step-summary.md");
            File.WriteAllText(summary, "");
            File.WriteAllText(build.Path("github-env"), "");
            File.WriteAllText(build.Path("github-output"), "");
            environment["GITHUB_STEP_SUMMARY"] = summary;
            environment["GITHUB_ENV"] = build.Path("github-env");
            environment["GITHUB_OUTPUT"] = build.Path("github-output");
        }

        foreach (var (name, value) in environment)
        {
            build.Environment[name] = value;
        }

        var run = build.Run("--target", "Version");

        Assert.True(run.ExitCode == 0, run.ToString());
        return BuildReportJson.Read(build.Artifacts);
    }
}
