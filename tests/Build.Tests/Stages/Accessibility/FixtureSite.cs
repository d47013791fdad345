using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Build.Tests.Support;

namespace Build.Tests.Stages.Accessibility;

/// <summary>A small web site on a free loopback port (<see cref="LoopbackHttpServer"/>): routes set by the test, every request recorded.</summary>
public sealed class FixtureSite : IDisposable
{
    private const string NotFound = "<!DOCTYPE html><html lang=\"en\"><head><title>Not found</title></head><body><main><h1>Not found</h1></main></body></html>";

    private readonly ConcurrentDictionary<string, (int Status, string ContentType, string Body)> _routes = new(StringComparer.Ordinal);
    private readonly LoopbackHttpServer _server;

    public FixtureSite() => _server = new LoopbackHttpServer(HandleAsync);

    public Uri BaseUrl => _server.BaseUrl;

    /// <summary>Gets the path and query of every request, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "a11y", name));

    /// <summary>A minimal valid page whose body is <paramref name="body"/>.</summary>
    public static string Html(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>";

    public Uri Url(string path) => new(BaseUrl, path);

    public FixtureSite Page(string path, string html, int status = 200) => Route(path, status, "text/html; charset=utf-8", html);

    public FixtureSite Route(string path, int status, string contentType, string body)
    {
        _routes[path] = (status, contentType, body);
        return this;
    }

    public void Dispose() => _server.Dispose();

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.PathAndQuery;
        Requests.Enqueue(path);
        var (status, contentType, body) = _routes.TryGetValue(path, out var route) ? route : (404, "text/html; charset=utf-8", NotFound);
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
