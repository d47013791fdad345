using System.Net;
using Build.Core.Notifications;
using Build.Core.Secrets;

namespace Build.Tests.Core.Notifications;

/// <summary>The GitHub deployments client against a local GitHub API: the calls, their payloads and headers, and failures that only warn.</summary>
public sealed class GitHubDeploymentsTests : IDisposable
{
    private const string Token = "ghs_FaKeToKeNfOrThEdEpLoYmEnTsTeSt0123";
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private readonly FakeGitHubApi _api = new();
    private readonly SecretRegistry _secrets = new();

    public void Dispose() => _api.Dispose();

    private Dictionary<string, string?> Variables() => new(StringComparer.Ordinal)
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_TOKEN"] = Token,
        ["GITHUB_REPOSITORY"] = "team/app",
        ["GITHUB_API_URL"] = _api.BaseUrl.ToString().TrimEnd('/'),
        ["GITHUB_SHA"] = Sha,
        ["GITHUB_SERVER_URL"] = "https://github.example",
        ["GITHUB_RUN_ID"] = "77",
    };

    [Fact]
    public async Task A_deploy_creates_a_deployment_of_the_commit_then_posts_in_progress_and_success_with_the_url()
    {
        var deployments = GitHubDeployments.From(name => Variables().GetValueOrDefault(name), _secrets)!;

        var (id, problem) = await deployments.StartAsync("staging", CancellationToken.None);
        var finished = await deployments.FinishAsync(id!.Value, "https://staging.example", null, CancellationToken.None);

        Assert.Null(problem);
        Assert.Null(finished);
        Assert.Equal(FakeGitHubApi.FirstDeploymentId, id);
        var requests = _api.Requests;
        Assert.Equal(
            ["POST /repos/team/app/deployments", $"POST /repos/team/app/deployments/{id}/statuses", $"POST /repos/team/app/deployments/{id}/statuses"],
            requests.Select(request => $"{request.Method} {request.Path}"));
        Assert.All(requests, request => Assert.Equal($"Bearer {Token}", request.Authorization));
        Assert.All(requests, request => Assert.Equal("application/vnd.github+json", request.Accept));
        Assert.All(requests, request => Assert.Equal("2022-11-28", request.ApiVersion));
        var created = requests[0].Body!;
        Assert.Equal(Sha, created["ref"]!.GetValue<string>());
        Assert.Equal("staging", created["environment"]!.GetValue<string>());
        Assert.False(created["auto_merge"]!.GetValue<bool>());
        Assert.Empty(created["required_contexts"]!.AsArray());
        Assert.False(created["production_environment"]!.GetValue<bool>());
        Assert.Equal("in_progress", requests[1].Body!["state"]!.GetValue<string>());
        Assert.Equal("https://github.example/team/app/actions/runs/77", requests[1].Body!["log_url"]!.GetValue<string>());
        Assert.Equal("success", requests[2].Body!["state"]!.GetValue<string>());
        Assert.Equal("https://staging.example", requests[2].Body!["environment_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failure_posts_failure_with_the_error_cut_to_what_GitHub_keeps_and_no_url()
    {
        var deployments = GitHubDeployments.From(name => Variables().GetValueOrDefault(name), _secrets)!;
        var (id, _) = await deployments.StartAsync("prod", CancellationToken.None);

        await deployments.FinishAsync(id!.Value, "https://prod.example", "ECS rolled back: " + new string('x', 300), CancellationToken.None);

        Assert.True(_api.Requests[0].Body!["production_environment"]!.GetValue<bool>());
        var failure = _api.Requests[^1].Body!;
        Assert.Equal("failure", failure["state"]!.GetValue<string>());
        Assert.Null(failure["environment_url"]);
        Assert.Equal(140, failure["description"]!.GetValue<string>().Length);
        Assert.StartsWith("ECS rolled back: ", failure["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_that_refuses_or_is_unreachable_is_a_problem_in_words_never_an_exception_and_never_the_token()
    {
        _api.Answer = HttpStatusCode.Forbidden;
        var deployments = GitHubDeployments.From(name => Variables().GetValueOrDefault(name), _secrets)!;

        var (id, problem) = await deployments.StartAsync("dev", CancellationToken.None);

        Assert.Null(id);
        Assert.Equal("POST /repos/team/app/deployments answered 403 Forbidden", problem);

        var unreachable = GitHubDeployments.From(name => name == "GITHUB_API_URL" ? "http://127.0.0.1:9" : Variables().GetValueOrDefault(name), _secrets)!;
        var (_, offline) = await unreachable.StartAsync("dev", CancellationToken.None);
        Assert.StartsWith("POST /repos/team/app/deployments could not reach 127.0.0.1:9", offline, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, offline, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("GITHUB_REPOSITORY")]
    [InlineData("GITHUB_API_URL")]
    [InlineData("GITHUB_SHA")]
    public void Without_any_of_the_GitHub_Actions_variables_there_are_no_deployments(string missing)
    {
        Assert.Null(GitHubDeployments.From(name => name == missing ? null : Variables().GetValueOrDefault(name), _secrets));
        Assert.NotNull(GitHubDeployments.From(name => Variables().GetValueOrDefault(name), _secrets));
    }

    [Fact]
    public void The_token_is_registered_for_redaction()
    {
        GitHubDeployments.From(name => Variables().GetValueOrDefault(name), _secrets);

        Assert.DoesNotContain(Token, _secrets.Redact($"Authorization: Bearer {Token}"), StringComparison.Ordinal);
    }
}
