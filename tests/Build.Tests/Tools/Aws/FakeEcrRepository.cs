using System.Security.Cryptography;
using System.Text;

namespace Build.Tests.Tools.Aws;

/// <summary>A repository of the fake ECR.</summary>
public sealed class FakeEcrRepository(string name, bool immutableTags, Func<string> registryHost)
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeEcrImage> _images = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public bool ImmutableTags { get; } = immutableTags;

    public string Uri => $"{registryHost()}/{Name}";

    /// <summary>Gets or sets the scan each pushed image gets (scan on push); null: scan on push is off.</summary>
    public Func<FakeEcrScan>? ScanOnPush { get; set; } = () => new FakeEcrScan();

    public static string DigestOf(string manifest) => "sha256:" + SigV4.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(manifest)));

    /// <summary>Stores an image (as a push would) and returns its digest.</summary>
    public FakeEcrImage AddImage(string manifest, params string[] tags)
    {
        var image = new FakeEcrImage(DigestOf(manifest), manifest, OciManifest);
        lock (_gate)
        {
            _images[image.Digest] = image;
            foreach (var tag in tags)
            {
                Tag(image, tag);
            }
        }

        return image;
    }

    /// <summary>Records what a push to the data plane stored: the image (scanned on push when it is new) under <paramref name="tag"/>.</summary>
    public void Mirror(string digest, string manifest, string mediaType, long size, string tag)
    {
        lock (_gate)
        {
            if (!_images.TryGetValue(digest, out var image))
            {
                image = new FakeEcrImage(digest, manifest, mediaType) { SizeInBytes = size, Scan = ScanOnPush?.Invoke() };
                _images[digest] = image;
            }

            if (!image.Tags.Contains(tag))
            {
                Tag(image, tag);
            }
        }
    }

    public FakeEcrImage? Find(string? digest, string? tag)
    {
        lock (_gate)
        {
            return digest is not null
                ? _images.GetValueOrDefault(digest)
                : _images.Values.FirstOrDefault(image => tag is not null && image.Tags.Contains(tag));
        }
    }

    /// <summary>Moves <paramref name="tag"/> to <paramref name="image"/> (a mutable repository's semantics).</summary>
    public void Tag(FakeEcrImage image, string tag)
    {
        lock (_gate)
        {
            foreach (var other in _images.Values)
            {
                other.Tags.Remove(tag);
            }

            image.Tags.Add(tag);
        }
    }
}
