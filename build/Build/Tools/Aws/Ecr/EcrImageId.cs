namespace Build.Tools.Aws.Ecr;

/// <summary>Which image of a repository: by tag or by digest.</summary>
public sealed record EcrImageId
{
    private EcrImageId(string? digest, string? tag)
    {
        Digest = digest;
        Tag = tag;
    }

    public string? Digest { get; }

    public string? Tag { get; }

    public static EcrImageId ByTag(string tag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        return new(null, tag);
    }

    public static EcrImageId ByDigest(string digest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(digest);
        return new(digest, null);
    }

    /// <summary>Gets the reference as in an image name: ":tag" or "@sha256:...".</summary>
    public override string ToString() => Digest is null ? $":{Tag}" : $"@{Digest}";
}
