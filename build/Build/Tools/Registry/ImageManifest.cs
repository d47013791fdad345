using System.Security.Cryptography;
using System.Text.Json;
using Cake.Core;

namespace Build.Tools.Registry;

/// <summary>
/// A manifest exactly as a registry stores it: its bytes (a copy puts these back unchanged, so the digest stays the
/// same), its media type, and what it references: the config and layers of an image manifest, or the child manifests
/// of an index (a multi-platform image).
/// </summary>
public sealed class ImageManifest
{
    private ImageManifest(string digest, string mediaType, byte[] bytes, BlobDescriptor? config, IReadOnlyList<BlobDescriptor> layers, IReadOnlyList<BlobDescriptor> children)
    {
        Digest = digest;
        MediaType = mediaType;
        Bytes = bytes;
        Config = config;
        Layers = layers;
        Children = children;
    }

    public string Digest { get; }

    public string MediaType { get; }

    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>Gets the image config (null for an index); its digest is docker's image id.</summary>
    public BlobDescriptor? Config { get; }

    public IReadOnlyList<BlobDescriptor> Layers { get; }

    /// <summary>Gets the child manifests of an index (empty for an image manifest).</summary>
    public IReadOnlyList<BlobDescriptor> Children { get; }

    public bool IsIndex => Children.Count > 0;

    /// <summary>Gets the config and the layers: the blobs a copy of an image manifest needs in the target repository.</summary>
    public IReadOnlyList<BlobDescriptor> Blobs => Config is null ? Layers : [Config, .. Layers];

    public static string DigestOf(ReadOnlySpan<byte> bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Reads a manifest served for <paramref name="digest"/>; bytes that do not hash to it are refused.</summary>
    public static ImageManifest Read(string digest, string mediaType, byte[] bytes, string where)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var actual = DigestOf(bytes);
        if (actual != digest)
        {
            throw new CakeException($"{where} served a manifest whose bytes hash to {actual}, not to {digest}: the copy would not be the same image.");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var type = root.TryGetProperty("mediaType", out var declared) && declared.GetString() is { Length: > 0 } named ? named : mediaType;
            var config = root.TryGetProperty("config", out var configElement) ? Descriptor(configElement) : null;
            var layers = root.TryGetProperty("layers", out var layerArray) ? layerArray.EnumerateArray().Select(Descriptor).ToList() : [];
            var children = root.TryGetProperty("manifests", out var manifestArray) ? manifestArray.EnumerateArray().Select(Descriptor).ToList() : [];
            return config is null && children.Count == 0
                ? throw new CakeException($"{where} served a manifest ({type}) that names neither a config nor child manifests: not an image this build can copy.")
                : new ImageManifest(digest, mediaType.Length > 0 ? mediaType : type, bytes, config, layers, children);
        }
        catch (Exception unreadable) when (unreadable is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new CakeException($"{where} served a manifest that is not valid JSON of an image ({unreadable.Message}).");
        }
    }

    private static BlobDescriptor Descriptor(JsonElement element) =>
        new(element.GetProperty("digest").GetString() ?? throw new KeyNotFoundException("digest"), element.GetProperty("size").GetInt64(), element.TryGetProperty("mediaType", out var type) ? type.GetString() ?? "" : "");
}
