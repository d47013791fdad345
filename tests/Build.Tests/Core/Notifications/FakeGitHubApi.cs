using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Build.Tests.Support;

namespace Build.Tests.Core.Notifications;

/// <summary>One request the fake GitHub API received: method, path, Authorization header and JSON body.</summary>
public sealed record GitHubApiRequest(string Method, string Path, string? Authorization, string? Accept, string? ApiVersion, JsonNode? Body);

/// <summary>
/// GitHub's REST API for deployments on loopback (GITHUB_API_URL): POST /repos/{owner}/{repo}/deployments answers 201
/// with a new id, POST .../deployments/{id}/statuses answers 201. <see cref="Answer"/> makes every call fail instead.
/// </summary>
public sealed class FakeGitHubApi : IDisposable
{
    public const long FirstDeploymentId = 4100;

    private readonly LoopbackHttpServer _server;
    private readonly Lock _gate = new();
    private readonly List<GitHubApiRequest> _requests = [];
    private long _nextId = FirstDeploymentId;

    public FakeGitHubApi() => _server = new LoopbackHttpServer(HandleAsync);

    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>Gets or sets what every call answers instead (null: the API works).</summary>
    public HttpStatusCode? Answer { get; set; }

    public IReadOnlyList<GitHubApiRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public void Dispose() => _server.Dispose();

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var path = context.Request.Url!.AbsolutePath;
        var request = new GitHubApiRequest(
            context.Request.HttpMethod,
            path,
            context.Request.Headers["Authorization"],
            context.Request.Headers["Accept"],
            context.Request.Headers["X-GitHub-Api-Version"],
            text.Length == 0 ? null : JsonNode.Parse(text));
        long id;
        lock (_gate)
        {
            _requests.Add(request);
            id = path.EndsWith("/deployments", StringComparison.Ordinal) ? _nextId++ : 0;
        }

        var (status, answer) = Answer is { } failing
            ? ((int)failing, """{"message":"scripted failure"}""")
            : path.EndsWith("/deployments", StringComparison.Ordinal)
                ? (201, string.Create(CultureInfo.InvariantCulture, $$"""{"id":{{id}},"ref":"x","environment":"x"}"""))
                : path.EndsWith("/statuses", StringComparison.Ordinal) ? (201, """{"id":1}""") : (404, """{"message":"Not Found"}""");
        var bytes = Encoding.UTF8.GetBytes(answer);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
