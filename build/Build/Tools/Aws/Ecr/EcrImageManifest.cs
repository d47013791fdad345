namespace Build.Tools.Aws.Ecr;

/// <summary>An image's manifest exactly as stored (BatchGetImage), to be put back under a new tag without a pull.</summary>
public sealed record EcrImageManifest(string Repository, string Digest, string Manifest, string? MediaType);
