using Build.Core.Vulnerabilities;
using Build.Tools.Aws.Ecr;
namespace Build.Stages.Image.Vulnerabilities;

/// <summary>ECR scan findings (basic or enhanced) as unified findings.</summary>
public static class EcrFindingsAdapter
{
    public static IReadOnlyList<VulnerabilityFinding> ToFindings(EcrScanFindings scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return [.. scan.Findings.Select(finding => new VulnerabilityFinding(
            finding.Id,
            VulnerabilitySeverities.FromScanner(finding.Severity),
            finding.PackageName ?? "",
            finding.PackageVersion ?? "",
            finding.FixedVersion,
            finding.Title,
            VulnerabilitySources.Ecr,
            finding.Uri)
        {
            Target = $"{scan.Repository}@{scan.Digest}",
        })];
    }
}
