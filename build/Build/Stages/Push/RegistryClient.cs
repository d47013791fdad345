using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Build.Tools.Machine;
using Build.Tools.Registry;
using Cake.Core;

namespace Build.Stages.Push;

/// <summary>
/// The few calls of the registry HTTP API v2 that Push needs: is a registry there (<c>GET /v2/</c>), which digest a
/// tag points at (<c>HEAD /v2/NAME/manifests/TAG</c>, Docker-Content-Digest), and a manifest's config and sizes.
/// Accepts Docker schema 2 and OCI manifests (and their lists/indexes, so a tag holding one is seen, not missed).
/// </summary>
public sealed class RegistryClient(HttpClient http, Uri baseAddress)
{
    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>The base address for <c>host:port</c>: plain http on loopback (as docker allows), https elsewhere.</summary>
    public static Uri AddressOf(string registry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        return new Uri($"{(RegistryAddress.IsLoopback(registry) ? "http" : "https")}://{registry}/");
    }

    /// <summary>Null when a registry answers <c>GET /v2/</c> (200, or 401 asking for credentials); else why not.</summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellation)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(BaseAddress, "v2/"), cancellation).ConfigureAwait(false);
            return response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Unauthorized
                ? null
                : $"it answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException error)
        {
            return error.InnerException?.Message ?? error.Message;
        }
        catch (TaskCanceledException)
        {
            return $"no answer within {http.Timeout.TotalSeconds:0} s";
        }
    }

    /// <summary>The digest the tag points at, or null when the repository or tag does not exist.</summary>
    public async Task<string?> GetTagDigestAsync(string repository, string tag, CancellationToken cancellation)
    {
        using var request = ManifestRequest(HttpMethod.Head, repository, tag);
        using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(response, $"HEAD {request.RequestUri}");
        return response.Headers.TryGetValues("Docker-Content-Digest", out var values)
            ? values.First()
            : throw new CakeException($"The registry at {BaseAddress} sent no Docker-Content-Digest for {repository}:{tag}.");
    }

    public async Task<RegistryManifest> GetManifestAsync(string repository, string reference, CancellationToken cancellation)
    {
        using var request = ManifestRequest(HttpMethod.Get, repository, reference);
        using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
        EnsureSuccess(response, $"GET {request.RequestUri}");
        var body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        var digest = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : reference;
        return Parse(digest, response.Content.Headers.ContentType?.MediaType ?? "", body);
    }

    public static RegistryManifest Parse(string digest, string mediaType, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var config = root.TryGetProperty("config", out var configElement) ? configElement : (JsonElement?)null;
        var layers = root.TryGetProperty("layers", out var layerArray) ? layerArray.EnumerateArray().Sum(layer => layer.GetProperty("size").GetInt64()) : 0;
        var configSize = config?.TryGetProperty("size", out var size) == true ? size.GetInt64() : 0;
        var type = root.TryGetProperty("mediaType", out var typeElement) ? typeElement.GetString() ?? mediaType : mediaType;
        return new RegistryManifest(digest, type, config?.GetProperty("digest").GetString(), layers + configSize);
    }

    private HttpRequestMessage ManifestRequest(HttpMethod method, string repository, string reference)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseAddress, $"v2/{repository}/manifests/{reference}"));
        foreach (var type in ManifestMediaTypes.All)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        return request;
    }

    private void EnsureSuccess(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new CakeException($"The registry at {BaseAddress} answered {what} with {(int)response.StatusCode} {response.ReasonPhrase}.");
        }
    }
}
