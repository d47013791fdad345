namespace Build.Tools.Aws.Ecr.Wire;

public sealed record DescribeImageScanFindingsRequest(string RepositoryName, ImageIdWire ImageId, string? NextToken, int MaxResults);

public sealed record DescribeImageScanFindingsResponse(ImageScanStatusWire? ImageScanStatus, ImageScanFindingsWire? ImageScanFindings, string? NextToken);

public sealed record ImageScanFindingsWire(
    double? ImageScanCompletedAt,
    IReadOnlyDictionary<string, int>? FindingSeverityCounts,
    IReadOnlyList<BasicFindingWire>? Findings,
    IReadOnlyList<EnhancedFindingWire>? EnhancedFindings);

/// <summary>A basic-scanning finding: the package is in the attributes package_name and package_version.</summary>
public sealed record BasicFindingWire(string? Name, string? Description, string? Uri, string? Severity, IReadOnlyList<AttributeWire>? Attributes);

public sealed record AttributeWire(string? Key, string? Value);

/// <summary>An enhanced-scanning (Amazon Inspector) finding: one vulnerability, one or more vulnerable packages.</summary>
public sealed record EnhancedFindingWire(string? Title, string? Description, string? Severity, PackageVulnerabilityDetailsWire? PackageVulnerabilityDetails);

public sealed record PackageVulnerabilityDetailsWire(string? VulnerabilityId, string? SourceUrl, IReadOnlyList<VulnerablePackageWire>? VulnerablePackages);

public sealed record VulnerablePackageWire(string? Name, string? Version, string? Release, string? FixedInVersion);
