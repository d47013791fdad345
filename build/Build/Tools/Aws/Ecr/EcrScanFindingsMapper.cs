using Build.Tools.Aws.Ecr.Wire;
namespace Build.Tools.Aws.Ecr;

/// <summary>Turns the pages of DescribeImageScanFindings into one <see cref="EcrScanFindings"/>; basic and enhanced findings alike.</summary>
internal static class EcrScanFindingsMapper
{
    public static EcrScanFindings Map(string repository, string digest, IReadOnlyList<DescribeImageScanFindingsResponse> pages)
    {
        var first = pages[0];
        var status = new EcrScanStatus(first.ImageScanStatus?.Status ?? "UNKNOWN", first.ImageScanStatus?.Description);
        var findings = pages
            .SelectMany(page => (page.ImageScanFindings?.Findings ?? []).Select(Basic)
                .Concat((page.ImageScanFindings?.EnhancedFindings ?? []).SelectMany(Enhanced)))
            .ToList();
        var counts = first.ImageScanFindings?.FindingSeverityCounts ?? new Dictionary<string, int>(StringComparer.Ordinal);
        return new EcrScanFindings(repository, digest, status, findings, counts, AwsJson.FromEpochSeconds(first.ImageScanFindings?.ImageScanCompletedAt));
    }

    private static EcrFinding Basic(BasicFindingWire wire)
    {
        string? Attribute(string key) => wire.Attributes?.FirstOrDefault(attribute => attribute.Key == key)?.Value;
        return new EcrFinding(
            wire.Name ?? "unnamed",
            wire.Severity ?? "UNDEFINED",
            Attribute("package_name"),
            Attribute("package_version"),
            null,
            wire.Description,
            wire.Uri,
            Enhanced: false);
    }

    private static IEnumerable<EcrFinding> Enhanced(EnhancedFindingWire wire)
    {
        var details = wire.PackageVulnerabilityDetails;
        var id = details?.VulnerabilityId ?? wire.Title ?? "unnamed";
        var packages = details?.VulnerablePackages is { Count: > 0 } list ? list : [new VulnerablePackageWire(null, null, null, null)];
        return packages.Select(package => new EcrFinding(
            id,
            wire.Severity ?? "UNTRIAGED",
            package.Name,
            string.IsNullOrEmpty(package.Release) ? package.Version : $"{package.Version}-{package.Release}",
            package.FixedInVersion is null or "NotAvailable" ? null : package.FixedInVersion,
            wire.Title,
            details?.SourceUrl,
            Enhanced: true));
    }
}
