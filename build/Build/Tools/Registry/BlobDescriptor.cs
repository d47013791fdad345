namespace Build.Tools.Registry;

/// <summary>A content descriptor of a manifest: a blob (config or layer) or, in an index, a child manifest.</summary>
public sealed record BlobDescriptor(string Digest, long Size, string MediaType)
{
    public string ShortDigest => Digest.StartsWith("sha256:", StringComparison.Ordinal) && Digest.Length > 19 ? Digest[7..19] : Digest;
}
