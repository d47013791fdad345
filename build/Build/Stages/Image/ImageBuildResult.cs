using Build.Core;

namespace Build.Stages.Image;

/// <summary>
/// The image the Image target built: published on the context's results for ImageScan and Push, and written to
/// artifacts/image/image.json. <see cref="References"/> are the local tags (<c>app:1.2.3</c>, <c>app:0123456789ab</c>).
/// </summary>
public sealed record ImageBuildResult(
    string Id,
    string Repository,
    IReadOnlyList<string> Tags,
    long SizeBytes,
    string BaseImage,
    string BuildMode,
    string Builder,
    IReadOnlyList<string> Layers,
    IReadOnlyDictionary<string, string> Labels) : IStageResult
{
    public static string Missing => "No image was built in this run: run the Image target (ImageScan and Push depend on it).";

    /// <summary>Gets a value indicating whether the tree had uncommitted changes: such an image is never pushed to a cloud environment.</summary>
    public bool FromDirtyTree { get; init; }

    public IReadOnlyList<string> References => [.. Tags.Select(tag => ImageTags.Reference(Repository, tag))];

    public string ShortId => Id.StartsWith("sha256:", StringComparison.Ordinal) ? Id[7..19] : Id;

    public double SizeMegabytes => Math.Round(SizeBytes / 1_000_000.0, 1);
}
