using System.Net;
using System.Text.Json;

namespace Build.Tests.Tools.Aws;

/// <summary>
/// A real registry as the fake's data plane: docker logs in and pushes to it, and ECR's image operations answer
/// from what it holds (read through the registry's v2 API before each one), the way ECR's control plane and its
/// registry share one store.
/// </summary>
public sealed partial class FakeEcr
{
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
    ];

    private Uri? _dataPlane;
    private Func<HttpClient> _dataPlaneClient = () => new HttpClient();

    /// <summary>
    /// Serves the repositories' images from the registry at <paramref name="hostAndPort"/> (e.g. 127.0.0.1:5000), which
    /// becomes the proxy endpoint; <paramref name="client"/> makes the fake's own (signed-in) HTTP client for it.
    /// </summary>
    public void UseRegistry(string hostAndPort, Func<HttpClient>? client = null)
    {
        _dataPlane = new Uri($"http://{hostAndPort}/");
        _dataPlaneClient = client ?? (() => new HttpClient());
    }

    private void SyncFromRegistry(FakeEcrRepository repository)
    {
        if (_dataPlane is null)
        {
            return;
        }

        using var http = _dataPlaneClient();
        http.BaseAddress = _dataPlane;
        http.Timeout = TimeSpan.FromSeconds(30);
        using var tags = http.Send(new HttpRequestMessage(HttpMethod.Get, $"v2/{repository.Name}/tags/list"));
        if (tags.StatusCode == HttpStatusCode.NotFound)
        {
            return;
        }

        tags.EnsureSuccessStatusCode();
        using var list = JsonDocument.Parse(tags.Content.ReadAsStream());
        if (!list.RootElement.TryGetProperty("tags", out var names) || names.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var tag in names.EnumerateArray().Select(name => name.GetString()!))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository.Name}/manifests/{tag}");
            foreach (var type in ManifestTypes)
            {
                request.Headers.Accept.ParseAdd(type);
            }

            using var response = http.Send(request);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(response.Content.ReadAsStream());
            var manifest = reader.ReadToEnd();
            var digest = response.Headers.GetValues("Docker-Content-Digest").First();
            repository.Mirror(digest, manifest, response.Content.Headers.ContentType?.MediaType ?? "", StoredSize(manifest), tag);
        }
    }

    /// <summary>PutImage on the data plane: the manifest stored under the tag in the real registry, as ECR does.</summary>
    private void TagInRegistry(FakeEcrRepository repository, FakeEcrImage image, string tag)
    {
        if (_dataPlane is null)
        {
            return;
        }

        using var http = _dataPlaneClient();
        http.BaseAddress = _dataPlane;
        http.Timeout = TimeSpan.FromSeconds(30);
        using var content = new StringContent(image.Manifest);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(image.MediaType);
        using var response = http.Send(new HttpRequestMessage(HttpMethod.Put, $"v2/{repository.Name}/manifests/{tag}") { Content = content });
        response.EnsureSuccessStatusCode();
    }

    private static long StoredSize(string manifest)
    {
        using var document = JsonDocument.Parse(manifest);
        var root = document.RootElement;
        var layers = root.TryGetProperty("layers", out var all) ? all.EnumerateArray().Sum(layer => layer.GetProperty("size").GetInt64()) : 0;
        return layers + (root.TryGetProperty("config", out var config) ? config.GetProperty("size").GetInt64() : 0);
    }
}
