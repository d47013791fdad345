using Build.Core.Vulnerabilities;
using Build.Stages.Image.Vulnerabilities;
using Build.Tools.Aws.Ecr;
namespace Build.Tests.Stages.Image.Vulnerabilities;

public sealed class EcrFindingsAdapterTests
{
    [Fact]
    public void ECR_findings_become_unified_findings_with_ECRs_severity_words_mapped()
    {
        var scan = new EcrScanFindings(
            "app",
            "sha256:abc",
            new EcrScanStatus("COMPLETE", null),
            [
                new EcrFinding("CVE-2024-0727", "HIGH", "libssl3", "3.0.11", "3.0.13", "openssl: denial of service", "https://nvd.nist.gov/vuln/detail/CVE-2024-0727", Enhanced: true),
                new EcrFinding("CVE-2011-3374", "INFORMATIONAL", "apt", "2.6.1", null, null, null, Enhanced: false),
                new EcrFinding("CVE-2022-0001", "UNDEFINED", null, null, null, null, null, Enhanced: false),
            ],
            new Dictionary<string, int>(StringComparer.Ordinal),
            null);

        var findings = EcrFindingsAdapter.ToFindings(scan);

        Assert.Equal(
            new VulnerabilityFinding("CVE-2024-0727", VulnerabilitySeverity.High, "libssl3", "3.0.11", "3.0.13", "openssl: denial of service", "ecr", "https://nvd.nist.gov/vuln/detail/CVE-2024-0727")
            {
                Target = "app@sha256:abc",
            },
            findings[0]);
        Assert.Equal(VulnerabilitySeverity.Low, findings[1].Severity);
        Assert.Equal((VulnerabilitySeverity.Unknown, "", ""), (findings[2].Severity, findings[2].Package, findings[2].InstalledVersion));
    }
}
