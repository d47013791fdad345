namespace Build.Tests.Tools.Aws;

/// <summary>An image in a fake repository: manifest, media type, tags and (optionally) a scan.</summary>
public sealed class FakeEcrImage(string digest, string manifest, string mediaType)
{
    public string Digest { get; } = digest;

    public string Manifest { get; } = manifest;

    public string MediaType { get; } = mediaType;

    public ISet<string> Tags { get; } = new SortedSet<string>(StringComparer.Ordinal);

    public FakeEcrScan? Scan { get; set; }

    /// <summary>Gets or sets imageSizeInBytes: what ECR stores, compressed layers and config.</summary>
    public long SizeInBytes { get; set; } = 52_428_800;
}
