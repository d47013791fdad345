using System.Net;
using Build.Tests.Stages.Deploy;

namespace Build.Tests.Core.Notifications;

/// <summary>
/// An ECS deploy (the fake ECS) through the real build app as on GitHub Actions: it records a GitHub deployment with
/// the local GitHub API (GITHUB_API_URL) and posts its statuses; the token appears in no output or artifact; a
/// failing API only warns.
/// </summary>
public sealed class DeployGitHubDeploymentTests : IDisposable
{
    private const string Token = "ghs_FaKeToKeNoFtHeDePlOyJoB0123456789";

    private readonly EcsDeployScenario _scenario = new();
    private readonly FakeGitHubApi _api = new();
    private readonly string _summary;

    public DeployGitHubDeploymentTests()
    {
        _summary = Path.Combine(_scenario.Build.Root, "step-summary.md");
        var environment = _scenario.Build.Environment;
        environment["GITHUB_ACTIONS"] = "true";
        environment["GITHUB_TOKEN"] = Token;
        environment["GITHUB_REPOSITORY"] = "team/app";
        environment["GITHUB_API_URL"] = _api.BaseUrl.ToString().TrimEnd('/');
        environment["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567";
        environment["GITHUB_STEP_SUMMARY"] = _summary;
    }

    public void Dispose()
    {
        _api.Dispose();
        _scenario.Dispose();
    }

    [Fact]
    public void A_deploy_creates_a_deployment_marks_it_in_progress_then_success_with_the_url_and_never_shows_the_token()
    {
        _scenario.Record("dev");

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        var requests = _api.Requests;
        Assert.Equal(["/repos/team/app/deployments", $"/repos/team/app/deployments/{FakeGitHubApi.FirstDeploymentId}/statuses", $"/repos/team/app/deployments/{FakeGitHubApi.FirstDeploymentId}/statuses"], requests.Select(request => request.Path));
        Assert.All(requests, request => Assert.Equal($"Bearer {Token}", request.Authorization));
        Assert.Equal("dev", requests[0].Body!["environment"]!.GetValue<string>());
        Assert.Equal(["in_progress", "success"], requests.Skip(1).Select(request => request.Body!["state"]!.GetValue<string>()));
        Assert.StartsWith("http://127.0.0.1:", requests[2].Body!["environment_url"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertTokenShownNowhere(run);
    }

    [Fact]
    public void A_rolled_back_deploy_posts_failure()
    {
        _scenario.Record("dev");
        _scenario.ServedVersion = "1.2.2";

        var run = _scenario.Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        var last = _api.Requests[^1].Body!;
        Assert.Equal("failure", last["state"]!.GetValue<string>());
        Assert.Null(last["environment_url"]);
        AssertTokenShownNowhere(run);
    }

    [Fact]
    public void An_api_that_fails_warns_and_the_deploy_still_succeeds()
    {
        _scenario.Record("dev");
        _api.Answer = HttpStatusCode.InternalServerError;

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Could not record Deploy as a GitHub deployment: POST /repos/team/app/deployments answered 500 Internal Server Error; the deploy goes on.", run.All, StringComparison.Ordinal);
        Assert.Single(_api.Requests);
        AssertTokenShownNowhere(run);
    }

    // On GitHub Actions the one line that names it is ::add-mask::, which tells the runner to hide it everywhere.
    private void AssertTokenShownNowhere(Support.BuildProcessRun run)
    {
        Assert.Contains($"::add-mask::{Token}", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.All.Replace($"::add-mask::{Token}", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(_scenario.Build.ReadArtifacts(), artifact => Assert.DoesNotContain(Token, artifact.Value, StringComparison.Ordinal));
        if (File.Exists(_summary))
        {
            Assert.DoesNotContain(Token, File.ReadAllText(_summary), StringComparison.Ordinal);
        }
    }
}
