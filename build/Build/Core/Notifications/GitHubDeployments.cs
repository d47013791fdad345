using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Build.Core.Secrets;

namespace Build.Core.Notifications;

/// <summary>
/// A deploy's GitHub deployment and its statuses (the repository's Environments page and the commit show where it went
/// and how it went), when the build runs on GitHub Actions with a token: created for the commit and environment when
/// the deploy starts (in_progress), then success with the environment's URL, or failure (a rollback included). The
/// token is a secret (registered for redaction, sent only in the Authorization header). Nothing here fails the build:
/// an API that refuses or does not answer gives one warning line.
/// </summary>
public sealed class GitHubDeployments
{
    public const string TokenVariable = "GITHUB_TOKEN";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>GitHub keeps a status description to 140 characters.</summary>
    private const int DescriptionLimit = 140;

    private readonly Uri _api;
    private readonly string _repository;
    private readonly string _token;
    private readonly string _sha;
    private readonly string? _runLink;

    private GitHubDeployments(Uri api, string repository, string token, string sha, string? runLink)
    {
        _api = api;
        _repository = repository;
        _token = token;
        _sha = sha;
        _runLink = runLink;
    }

    /// <summary>
    /// The deployments of this GitHub Actions run (GITHUB_ACTIONS=true, GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL,
    /// GITHUB_SHA), or null elsewhere or when one is missing. Registers the token as a secret.
    /// </summary>
    public static GitHubDeployments? From(Func<string, string?> variables, SecretRegistry secrets)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(secrets);
        if (!string.Equals(variables("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase)
            || variables(TokenVariable) is not { Length: > 0 } token
            || variables("GITHUB_REPOSITORY") is not { Length: > 0 } repository
            || variables("GITHUB_SHA") is not { Length: > 0 } sha
            || !Uri.TryCreate(variables("GITHUB_API_URL"), UriKind.Absolute, out var api))
        {
            return null;
        }

        secrets.Register(token);
        return new GitHubDeployments(api, repository, token, sha, WebhookNotifier.RunLink(variables));
    }

    /// <summary>Creates the deployment of this commit to <paramref name="environment"/> and marks it in_progress: its id, or why not.</summary>
    public async Task<(long? Id, string? Problem)> StartAsync(string environment, CancellationToken cancellation)
    {
        var request = new JsonObject
        {
            ["ref"] = _sha,
            ["environment"] = environment,
            ["auto_merge"] = false,
            ["required_contexts"] = new JsonArray(),
            ["production_environment"] = environment == Parameters.EnvironmentNames.Prod,
            ["description"] = $"Deploy {_sha[..Math.Min(12, _sha.Length)]} to {environment}",
        };
        var (answer, problem) = await PostAsync($"repos/{_repository}/deployments", request, cancellation).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (IdOf(answer!) is not { } id)
        {
            return (null, "GitHub created no deployment (its answer has no id)");
        }

        return (id, await StatusAsync(id, "in_progress", null, "Deploying", cancellation).ConfigureAwait(false));
    }

    /// <summary>Posts the outcome: success with the environment's URL, or failure with the (redacted) error as its description. Null when posted, else why not.</summary>
    public Task<string?> FinishAsync(long id, string? environmentUrl, string? error, CancellationToken cancellation) =>
        error is null
            ? StatusAsync(id, "success", environmentUrl, "Deployed", cancellation)
            : StatusAsync(id, "failure", null, error, cancellation);

    private async Task<string?> StatusAsync(long id, string state, string? environmentUrl, string description, CancellationToken cancellation)
    {
        var request = new JsonObject
        {
            ["state"] = state,
            ["description"] = description.Length > DescriptionLimit ? description[..(DescriptionLimit - 3)] + "..." : description,
            ["auto_inactive"] = true,
        };
        if (_runLink is not null)
        {
            request["log_url"] = _runLink;
        }

        if (environmentUrl is not null)
        {
            request["environment_url"] = environmentUrl;
        }

        return (await PostAsync($"repos/{_repository}/deployments/{id}/statuses", request, cancellation).ConfigureAwait(false)).Problem;
    }

    private async Task<(string? Answer, string? Problem)> PostAsync(string path, JsonObject body, CancellationToken cancellation)
    {
        var address = new Uri(new Uri(_api.ToString().TrimEnd('/') + "/"), path);
        try
        {
            using var http = new HttpClient { Timeout = Timeout };
            using var request = new HttpRequestMessage(HttpMethod.Post, address);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
            request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("app-build", "1.0"));
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
            var answer = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? (answer, null)
                : (null, $"POST /{path} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (HttpRequestException failed)
        {
            return (null, $"POST /{path} could not reach {address.Authority} ({failed.InnerException?.Message ?? failed.Message})");
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return (null, $"POST /{path} got no answer within {Timeout.TotalSeconds:0} s");
        }
    }

    private static long? IdOf(string answer)
    {
        try
        {
            using var json = JsonDocument.Parse(answer);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("id", out var id) && id.TryGetInt64(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
