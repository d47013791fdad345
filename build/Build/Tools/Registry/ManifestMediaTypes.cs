namespace Build.Tools.Registry;

/// <summary>The manifest types a registry client accepts: Docker schema 2 and OCI, images and their lists/indexes.</summary>
public static class ManifestMediaTypes
{
    public static readonly IReadOnlyList<string> All =
    [
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.index.v1+json",
    ];
}
