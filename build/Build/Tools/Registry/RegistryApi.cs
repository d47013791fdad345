using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cake.Core;

namespace Build.Tools.Registry;

/// <summary>
/// The calls of the registry HTTP API v2 (the OCI distribution spec) a copy between registries needs: manifests by
/// digest or tag (bytes unchanged), blobs (exists, cross-repository mount, download, upload: POST, PATCH, PUT with
/// the digest, as docker and crane upload), each failure one line naming the registry and the call. Owns
/// <paramref name="http"/>.
/// </summary>
public sealed class RegistryApi(RegistryEndpoint endpoint, HttpClient http) : IDisposable
{
    public RegistryEndpoint Endpoint { get; } = endpoint;

    /// <summary>The manifest under <paramref name="reference"/> (a tag or digest), or null when there is none.</summary>
    public async Task<ImageManifest?> FindManifestAsync(string repository, string reference, CancellationToken cancellation)
    {
        using var request = ManifestRequest(HttpMethod.Get, repository, reference);
        using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, request, cancellation).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
        var digest = reference.StartsWith("sha256:", StringComparison.Ordinal)
            ? reference
            : response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : ImageManifest.DigestOf(bytes);
        return ImageManifest.Read(digest, response.Content.Headers.ContentType?.MediaType ?? "", bytes, $"{Endpoint} {repository}:{reference}");
    }

    /// <summary>Stores <paramref name="manifest"/>'s bytes under <paramref name="reference"/>; returns the digest the registry computed.</summary>
    public async Task<string> PutManifestAsync(string repository, string reference, ImageManifest manifest, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        using var content = new ReadOnlyMemoryContent(manifest.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"v2/{repository}/manifests/{reference}") { Content = content };
        using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
        await EnsureSuccessAsync(response, request, cancellation).ConfigureAwait(false);
        return response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : manifest.Digest;
    }

    public async Task<bool> HasBlobAsync(string repository, string digest, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{digest}");
        using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, request, cancellation).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Asks the registry to link a blob another repository of it holds (no bytes move). Null when it did; else the
    /// upload session it opened instead (registries that do not mount answer 202 with one), to upload into.
    /// </summary>
    public async Task<Uri?> TryMountBlobAsync(string repository, string digest, string fromRepository, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v2/{repository}/blobs/uploads/?mount={Uri.EscapeDataString(digest)}&from={Uri.EscapeDataString(fromRepository)}");
        using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
        await EnsureSuccessAsync(response, request, cancellation).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.Created ? null : UploadLocation(response, request);
    }

    /// <summary>Opens the blob for reading (the caller disposes the response).</summary>
    public async Task<HttpResponseMessage> OpenBlobAsync(string repository, string digest, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/blobs/{digest}");
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(response, request, cancellation).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Opens an upload session in <paramref name="repository"/>.</summary>
    public async Task<Uri> StartUploadAsync(string repository, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v2/{repository}/blobs/uploads/");
        using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
        await EnsureSuccessAsync(response, request, cancellation).ConfigureAwait(false);
        return UploadLocation(response, request);
    }

    /// <summary>Streams <paramref name="blob"/> into the upload session, then closes it with the digest the registry must verify.</summary>
    public async Task UploadBlobAsync(Uri session, BlobDescriptor blob, Stream content, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(blob);
        using var body = new StreamContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Headers.ContentLength = blob.Size;
        using var patch = new HttpRequestMessage(HttpMethod.Patch, session) { Content = body };
        using var patched = await http.SendAsync(patch, cancellation).ConfigureAwait(false);
        await EnsureSuccessAsync(patched, patch, cancellation).ConfigureAwait(false);
        var location = UploadLocation(patched, patch);
        var separator = string.IsNullOrEmpty(location.Query) ? "?" : "&";
        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(location + separator + "digest=" + Uri.EscapeDataString(blob.Digest)));
        using var done = await http.SendAsync(put, cancellation).ConfigureAwait(false);
        await EnsureSuccessAsync(done, put, cancellation).ConfigureAwait(false);
    }

    /// <summary>The image config's labels (docker's <c>config.Labels</c>), read from the config blob.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadLabelsAsync(string repository, BlobDescriptor config, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var response = await OpenBlobAsync(repository, config.Digest, cancellation).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
        if (ImageManifest.DigestOf(bytes) != config.Digest)
        {
            throw new CakeException($"{Endpoint} served config {config.Digest} of {repository} with other content: the registry is not trustworthy.");
        }

        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.TryGetProperty("config", out var inner) && inner.ValueKind == JsonValueKind.Object
               && inner.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
            ? labels.EnumerateObject().Where(label => label.Value.ValueKind == JsonValueKind.String).ToDictionary(label => label.Name, label => label.Value.GetString()!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
    }

    public void Dispose() => http.Dispose();

    private static HttpRequestMessage ManifestRequest(HttpMethod method, string repository, string reference)
    {
        var request = new HttpRequestMessage(method, $"v2/{repository}/manifests/{reference}");
        foreach (var type in ManifestMediaTypes.All)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        return request;
    }

    private Uri UploadLocation(HttpResponseMessage response, HttpRequestMessage request) =>
        response.Headers.Location is { } location
            ? location.IsAbsoluteUri ? location : new Uri(Endpoint.BaseAddress, location)
            : throw new CakeException($"{Endpoint} answered {request.Method} {request.RequestUri} without the upload Location header the registry API requires.");

    private async Task EnsureSuccessAsync(HttpResponseMessage response, HttpRequestMessage request, CancellationToken cancellation)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = response.StatusCode == HttpStatusCode.Unauthorized
            ? "the registry refused the credentials (an ECR token lasts 12 hours; check the role's ecr:* permissions on this repository)"
            : await ErrorsOf(response, cancellation).ConfigureAwait(false);
        throw new CakeException($"{Endpoint} answered {request.Method} {PathOf(request)} with {(int)response.StatusCode} {response.ReasonPhrase}: {detail}.");
    }

    private static string PathOf(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? "";

    // The distribution spec's error body: {"errors":[{"code":"...","message":"..."}]}; anything else is cut short.
    private static async Task<string> ErrorsOf(HttpResponseMessage response, CancellationToken cancellation)
    {
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                return string.Join("; ", errors.EnumerateArray().Select(error => $"{error.GetProperty("code").GetString()} {(error.TryGetProperty("message", out var message) ? message.GetString() : "")}".Trim()));
            }
        }
        catch (JsonException)
        {
            // Not the spec's error body: fall through to the raw text.
        }

        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length == 0 ? "no details" : line.Length > 200 ? line[..200] + "..." : line;
    }
}
