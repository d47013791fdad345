namespace Build.Tools.Aws.Ecr;

/// <summary>An image in an ECR repository, as DescribeImages reports it; <see cref="SizeInBytes"/> is the compressed size ECR stores.</summary>
public sealed record EcrImage(
    string Repository,
    string Digest,
    IReadOnlyList<string> Tags,
    DateTimeOffset? PushedAt,
    long? SizeInBytes,
    string? ManifestMediaType,
    EcrScanStatus? ScanStatus);
