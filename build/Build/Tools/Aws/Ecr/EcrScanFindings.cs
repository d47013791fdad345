namespace Build.Tools.Aws.Ecr;

/// <summary>The result of DescribeImageScanFindings over all pages: the scan status and, once complete, its findings.</summary>
public sealed record EcrScanFindings(
    string Repository,
    string Digest,
    EcrScanStatus Status,
    IReadOnlyList<EcrFinding> Findings,
    IReadOnlyDictionary<string, int> SeverityCounts,
    DateTimeOffset? CompletedAt);
