namespace Build.Stages.Image;

/// <summary>
/// The OCI annotations the image carries (https://github.com/opencontainers/image-spec/blob/main/annotations.md),
/// passed as build arguments to the Dockerfile's LABEL instruction. Created is the commit time, so a rebuild of the
/// same commit makes the same image (and pushes idempotently) where the layer cache holds.
/// </summary>
public static class OciLabels
{
    public const string Version = "org.opencontainers.image.version";
    public const string Revision = "org.opencontainers.image.revision";
    public const string Source = "org.opencontainers.image.source";
    public const string Created = "org.opencontainers.image.created";
    public const string Title = "org.opencontainers.image.title";
    public const string BaseName = "org.opencontainers.image.base.name";

    /// <summary>What the revision label ends with for an image built from a tree with uncommitted changes.</summary>
    public const string DirtySuffix = "-dirty";

    /// <summary>Gets the labels ImageScan requires.</summary>
    public static readonly IReadOnlyList<string> Required = [Version, Revision, Source, Created];

    /// <summary>The revision label: the commit, with <c>-dirty</c> when the tree had uncommitted changes (as <c>git describe --dirty</c>),
    /// so whoever reads the image (Promote) can tell it is not the commit's.</summary>
    public static string RevisionOf(Core.Versioning.BuildVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.IsDirty ? $"{version.Commit}{DirtySuffix}" : version.Commit;
    }

    /// <summary>Gets the Dockerfile's build argument for each label it sets.</summary>
    public static IReadOnlyDictionary<string, string> BuildArgs(string version, string revision, string source, string created, string baseImage) =>
        new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["BASE_IMAGE"] = baseImage,
            ["CREATED"] = created,
            ["REVISION"] = revision,
            ["SOURCE"] = source,
            ["VERSION"] = version,
        };
}
