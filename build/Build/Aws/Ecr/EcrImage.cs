namespace Build.Aws.Ecr;

/// <summary>An image in an ECR repository, as DescribeImages reports it.</summary>
public sealed record EcrImage(
    string Repository,
    string Digest,
    IReadOnlyList<string> Tags,
    DateTimeOffset? PushedAt,
    string? ManifestMediaType,
    EcrScanStatus? ScanStatus);
