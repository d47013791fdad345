using Build.Core.Vulnerabilities;
using Build.Tests.Stages.Image.Vulnerabilities;
using Build.Tools.Trivy;
using Cake.Core;

namespace Build.Tests.Tools.Trivy;

public sealed class TrivyReportReaderTests
{
    [Fact]
    public void Every_vulnerability_of_every_result_is_read_and_a_result_without_any_adds_none()
    {
        var findings = TrivyReportReader.Read(VulnerabilityFixtures.TrivyReport);

        Assert.Equal(
            ["CVE-2023-45853", "CVE-2024-2961", "CVE-2024-0727", "CVE-2011-3374", "TEMP-0841856-B18BAF", "GHSA-5crp-9r3c-p9vr"],
            findings.Select(finding => finding.Id));
        Assert.All(findings, finding => Assert.Equal(VulnerabilitySources.Trivy, finding.Source));
        Assert.Equal(
            [VulnerabilitySeverity.Critical, VulnerabilitySeverity.High, VulnerabilitySeverity.Medium, VulnerabilitySeverity.Low, VulnerabilitySeverity.Unknown, VulnerabilitySeverity.High],
            findings.Select(finding => finding.Severity));
    }

    [Fact]
    public void A_finding_carries_package_versions_title_url_and_target()
    {
        var finding = TrivyReportReader.Read(VulnerabilityFixtures.TrivyReport).Single(candidate => candidate.Id == "CVE-2024-0727");

        Assert.Equal(
            new VulnerabilityFinding(
                "CVE-2024-0727",
                VulnerabilitySeverity.Medium,
                "libssl3",
                "3.0.11-1~deb12u2",
                "3.0.13-1~deb12u1",
                "openssl: denial of service via null dereference",
                VulnerabilitySources.Trivy,
                "https://avd.aquasec.com/nvd/cve-2024-0727")
            {
                Target = "app:1.4.0 (debian 12.5)",
            },
            finding);
        Assert.Equal("CVE-2024-0727 MEDIUM in libssl3 3.0.11-1~deb12u2 (fixed in 3.0.13-1~deb12u1) [trivy]", finding.ToString());
    }

    [Fact]
    public void A_vulnerability_without_a_fix_has_no_fixed_version()
    {
        var finding = TrivyReportReader.Read(VulnerabilityFixtures.TrivyReport).Single(candidate => candidate.Id == "CVE-2023-45853");

        Assert.Null(finding.FixedVersion);
        Assert.Equal("zlib1g", finding.Package);
    }

    [Fact]
    public void A_report_without_results_has_no_findings()
    {
        Assert.Empty(TrivyReportReader.Parse("""{"SchemaVersion":2,"ArtifactName":"scratch","ArtifactType":"container_image"}""", "scratch.json"));
    }

    [Fact]
    public void Text_that_is_not_JSON_is_a_clear_error()
    {
        var error = Assert.Throws<CakeException>(() => TrivyReportReader.Parse("2024-06-12T09:41:27Z INFO Vulnerability scanning is enabled", "trivy.json"));

        Assert.StartsWith("trivy.json is not a Trivy JSON report (line 1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JSON_that_is_not_a_Trivy_report_is_a_clear_error()
    {
        var error = Assert.Throws<CakeException>(() => TrivyReportReader.Parse("""{"runs":[]}""", "other.json"));

        Assert.Equal("other.json is not a Trivy JSON report (no SchemaVersion): run trivy with --format json.", error.Message);
    }
}
