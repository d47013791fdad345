namespace Build.Tools.Registry;

/// <summary>
/// What a copy did: the manifest now in the target (same digest as the source), the blobs the target already held,
/// the ones its registry linked from the source repository (a mount: no bytes moved) and the ones uploaded.
/// </summary>
public sealed record ImageCopyResult(ImageManifest Manifest, IReadOnlyList<BlobDescriptor> AlreadyPresent, IReadOnlyList<BlobDescriptor> Mounted, IReadOnlyList<BlobDescriptor> Uploaded)
{
    public string Digest => Manifest.Digest;

    public long UploadedBytes => Uploaded.Sum(blob => blob.Size);

    /// <summary>Gets the compressed size of the image's config and layers (what ECR reports as the image size).</summary>
    public long CompressedSize => Manifest.Blobs.Sum(blob => blob.Size);

    public string Summary =>
        $"{Count(Uploaded.Count, "blob")} uploaded ({UploadedBytes / 1_000_000.0:0.0} MB), {Mounted.Count} mounted from the source repository, {AlreadyPresent.Count} already there";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
