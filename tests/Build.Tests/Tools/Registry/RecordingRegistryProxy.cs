using System.Net;
using Build.Tests.Support;

namespace Build.Tests.Tools.Registry;

/// <summary>
/// A pass-through proxy in front of a real registry that records every request (method, path and query, status):
/// what a test reads to know which blobs a client uploaded or mounted, and which it only asked about.
/// The registry writes its upload Locations for the proxy's host (the Host header is passed on as the client sent it).
/// </summary>
public sealed class RecordingRegistryProxy : IDisposable
{
    private static readonly string[] RequestHeadersNotForwarded = ["Host", "Content-Length", "Content-Type", "Connection", "Transfer-Encoding", "Expect"];
    private static readonly string[] ResponseHeadersNotForwarded = ["Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Date", "Server"];

    private readonly Uri _upstream;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(2) };
    private readonly Lock _gate = new();
    private readonly List<ProxiedRequest> _requests = [];
    private readonly LoopbackHttpServer _server;

    public RecordingRegistryProxy(string upstream)
    {
        _upstream = new Uri($"http://{upstream}/");
        _server = new LoopbackHttpServer(ForwardAsync);
    }

    /// <summary>Gets host:port of the proxy.</summary>
    public string Address => _server.BaseUrl.Authority;

    public IReadOnlyList<ProxiedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The requests that sent or linked <paramref name="digest"/> into <paramref name="repository"/> (an upload closed with it, or a mount of it).</summary>
    public IReadOnlyList<ProxiedRequest> WritesOf(string repository, string digest)
    {
        var escaped = Uri.EscapeDataString(digest);
        return [.. Requests.Where(request => request.PathAndQuery.StartsWith($"/v2/{repository}/blobs/uploads/", StringComparison.Ordinal)
            && (request.PathAndQuery.Contains($"digest={escaped}", StringComparison.Ordinal) || request.PathAndQuery.Contains($"digest={digest}", StringComparison.Ordinal)
                || request.PathAndQuery.Contains($"mount={escaped}", StringComparison.Ordinal) || request.PathAndQuery.Contains($"mount={digest}", StringComparison.Ordinal)))];
    }

    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        var incoming = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod), new Uri(_upstream, incoming.RawUrl));
        if (incoming.HasEntityBody)
        {
            using var body = new MemoryStream();
            await incoming.InputStream.CopyToAsync(body);
            request.Content = new ByteArrayContent(body.ToArray());
            if (incoming.ContentType is { } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        foreach (var name in incoming.Headers.AllKeys.Where(name => name is not null && !RequestHeadersNotForwarded.Contains(name, StringComparer.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(name!, incoming.Headers.GetValues(name!) ?? []);
        }

        request.Headers.Host = incoming.Headers["Host"];
        using var response = await _http.SendAsync(request);
        lock (_gate)
        {
            _requests.Add(new ProxiedRequest(incoming.HttpMethod, incoming.RawUrl ?? "", (int)response.StatusCode));
        }

        var outgoing = context.Response;
        outgoing.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Where(header => !ResponseHeadersNotForwarded.Contains(header.Key, StringComparer.OrdinalIgnoreCase)))
        {
            outgoing.Headers[header.Key] = string.Join(",", header.Value);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentType is { } contentType)
        {
            outgoing.ContentType = contentType.ToString();
        }

        outgoing.ContentLength64 = incoming.HttpMethod == "HEAD" ? response.Content.Headers.ContentLength ?? 0 : bytes.Length;
        if (incoming.HttpMethod != "HEAD")
        {
            await outgoing.OutputStream.WriteAsync(bytes);
        }

        outgoing.Close();
    }
}

/// <summary>One request the proxy passed on.</summary>
public sealed record ProxiedRequest(string Method, string PathAndQuery, int Status);
