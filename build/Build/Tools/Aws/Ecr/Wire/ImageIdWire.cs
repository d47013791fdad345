namespace Build.Tools.Aws.Ecr.Wire;

/// <summary>ECR's ImageIdentifier: a digest, a tag, or both.</summary>
public sealed record ImageIdWire(string? ImageDigest = null, string? ImageTag = null);
