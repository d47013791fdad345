namespace Build.Tools.Aws.Ecr;

/// <summary>
/// The manifest types BatchGetImage is asked to return as stored. Left out, ECR answers in Docker schema 1 and
/// converts the manifest, which changes its digest.
/// </summary>
public static class EcrMediaTypes
{
    public static readonly IReadOnlyList<string> Manifests =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];
}
