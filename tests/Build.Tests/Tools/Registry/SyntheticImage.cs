using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Build.Tools.Registry;

namespace Build.Tests.Tools.Registry;

/// <summary>
/// An image made of random layers and a config with the given labels, written straight into a real registry through
/// its v2 API (no Docker engine): what an earlier push left in a repository.
/// </summary>
public sealed record SyntheticImage(string Digest, string Manifest, IReadOnlyList<BlobDescriptor> Layers, BlobDescriptor Config)
{
    public const string ManifestType = "application/vnd.docker.distribution.manifest.v2+json";

    public static SyntheticImage Create(IReadOnlyDictionary<string, string> labels, params int[] layerSizes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(layerSizes);
        var layers = layerSizes.Select(size => RandomNumberGenerator.GetBytes(size)).ToList();
        var config = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject { ["Labels"] = new JsonObject(labels.Select(label => KeyValuePair.Create(label.Key, (JsonNode?)label.Value))) },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray([.. layers.Select(layer => (JsonNode?)ImageManifest.DigestOf(layer))]) },
        }.ToJsonString());
        var configBlob = new BlobDescriptor(ImageManifest.DigestOf(config), config.Length, "application/vnd.docker.container.image.v1+json");
        var layerBlobs = layers.Select(layer => new BlobDescriptor(ImageManifest.DigestOf(layer), layer.Length, "application/vnd.docker.image.rootfs.diff.tar.gzip")).ToList();
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ManifestType,
            ["config"] = Descriptor(configBlob),
            ["layers"] = new JsonArray([.. layerBlobs.Select(blob => (JsonNode?)Descriptor(blob))]),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var image = new SyntheticImage(ImageManifest.DigestOf(Encoding.UTF8.GetBytes(manifest)), manifest, layerBlobs, configBlob)
        {
            Contents = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [configBlob.Digest] = config },
        };
        foreach (var (blob, bytes) in layerBlobs.Zip(layers))
        {
            image.Contents[blob.Digest] = bytes;
        }

        return image;
    }

    /// <summary>Gets every blob's bytes by digest.</summary>
    public Dictionary<string, byte[]> Contents { get; private init; } = new(StringComparer.Ordinal);

    /// <summary>Uploads the blobs (all, or only <paramref name="only"/>) and, unless only some blobs are asked for, the manifest under each tag.</summary>
    public void WriteTo(HttpClient signedIn, string registry, string repository, IReadOnlyList<string> tags, IReadOnlyList<BlobDescriptor>? only = null)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        ArgumentNullException.ThrowIfNull(tags);
        var root = new Uri($"http://{registry}/");
        foreach (var blob in only ?? [Config, .. Layers])
        {
            using var start = signedIn.Send(new HttpRequestMessage(HttpMethod.Post, new Uri(root, $"v2/{repository}/blobs/uploads/")));
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
            var location = start.Headers.Location!.IsAbsoluteUri ? start.Headers.Location : new Uri(root, start.Headers.Location);
            using var content = new ByteArrayContent(Contents[blob.Digest]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var separator = string.IsNullOrEmpty(location.Query) ? "?" : "&";
            using var put = signedIn.Send(new HttpRequestMessage(HttpMethod.Put, new Uri($"{location}{separator}digest={Uri.EscapeDataString(blob.Digest)}")) { Content = content });
            Assert.True(put.StatusCode == HttpStatusCode.Created, $"uploading {blob.Digest}: {(int)put.StatusCode}");
        }

        if (only is not null)
        {
            return;
        }

        foreach (var tag in tags)
        {
            using var manifest = new StringContent(Manifest, Encoding.UTF8);
            manifest.Headers.ContentType = new MediaTypeHeaderValue(ManifestType);
            using var response = signedIn.Send(new HttpRequestMessage(HttpMethod.Put, new Uri(root, $"v2/{repository}/manifests/{tag}")) { Content = manifest });
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"putting {repository}:{tag}: {(int)response.StatusCode}");
        }
    }

    /// <summary>The digest and bytes a registry serves for <paramref name="reference"/>, read through its v2 API; null when it has none.</summary>
    public static (string Digest, byte[] Bytes)? Read(HttpClient signedIn, string registry, string repository, string reference)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{registry}/v2/{repository}/manifests/{reference}"));
        request.Headers.Accept.ParseAdd(ManifestType);
        using var response = signedIn.Send(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var buffer = new MemoryStream();
        response.Content.ReadAsStream().CopyTo(buffer);
        return (response.Headers.GetValues("Docker-Content-Digest").First(), buffer.ToArray());
    }

    private static JsonObject Descriptor(BlobDescriptor blob) => new() { ["mediaType"] = blob.MediaType, ["size"] = blob.Size, ["digest"] = blob.Digest };
}
