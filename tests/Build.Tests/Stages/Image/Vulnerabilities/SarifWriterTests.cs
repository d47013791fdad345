using System.Text.Json.Nodes;
using Build.Core.Vulnerabilities;
using Build.Stages.Image.Vulnerabilities;
using Build.Tools.Trivy;
using static Build.Tests.Stages.Image.Vulnerabilities.VulnerabilityFixtures;

namespace Build.Tests.Stages.Image.Vulnerabilities;

public sealed class SarifWriterTests
{
    [Fact]
    public void The_report_is_SARIF_2_1_0_with_one_run_per_scanner_that_ran()
    {
        var result = VulnerabilityGate.Evaluate(TrivyReportReader.Read(TrivyReport), VulnerabilitySeverity.High, [], Today);
        var scanners = new[] { ScannerOutcome.Completed("trivy", result.Findings), ScannerOutcome.Completed("ecr", []), ScannerOutcome.Skipped("other", "not installed") };

        var sarif = JsonNode.Parse(SarifWriter.Write(result, scanners, "src/App/Dockerfile"))!;

        Assert.Equal("2.1.0", sarif["version"]!.GetValue<string>());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", sarif["$schema"]!.GetValue<string>());
        var runs = sarif["runs"]!.AsArray();
        Assert.Equal(["Trivy", "Amazon ECR image scanning"], runs.Select(run => run!["tool"]!["driver"]!["name"]!.GetValue<string>()));
        Assert.Empty(runs[1]!["results"]!.AsArray());
        Assert.Equal(6, runs[0]!["results"]!.AsArray().Count);
    }

    [Fact]
    public void Each_result_points_to_its_rule_with_level_location_and_security_severity()
    {
        var findings = new[]
        {
            Finding("CVE-2024-1", VulnerabilitySeverity.Critical, "openssl"),
            Finding("CVE-2024-1", VulnerabilitySeverity.Critical, "libssl3"),
            Finding("CVE-2024-2", VulnerabilitySeverity.Medium),
            Finding("CVE-2024-3", VulnerabilitySeverity.Low),
        };
        var result = VulnerabilityGate.Evaluate(findings, VulnerabilitySeverity.High, [], Today);

        var run = JsonNode.Parse(SarifWriter.Write(result, [ScannerOutcome.Completed("trivy", findings)], "Dockerfile"))!["runs"]![0]!;

        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal(["CVE-2024-1", "CVE-2024-2", "CVE-2024-3"], rules.Select(rule => rule!["id"]!.GetValue<string>()));
        Assert.Equal("9.5", rules[0]!["properties"]!["security-severity"]!.GetValue<string>());
        Assert.Equal("https://avd.aquasec.com/nvd/cve-2024-1", rules[0]!["helpUri"]!.GetValue<string>());
        var results = run["results"]!.AsArray();
        Assert.Equal([0, 0, 1, 2], results.Select(item => item!["ruleIndex"]!.GetValue<int>()));
        Assert.Equal(["error", "error", "warning", "note"], results.Select(item => item!["level"]!.GetValue<string>()));
        Assert.All(results, item => Assert.Equal("Dockerfile", item!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>()));
        Assert.Equal("libssl3", results[1]!["properties"]!["package"]!.GetValue<string>());
        Assert.Equal("CVE-2024-1|libssl3|1.0.0", results[1]!["partialFingerprints"]!["vulnerability/v1"]!.GetValue<string>());
        Assert.All(results, item => Assert.Null(item!["suppressions"]));
    }

    [Fact]
    public void An_ignored_finding_carries_an_accepted_suppression_with_the_reason()
    {
        var findings = new[] { Finding("CVE-2024-1", VulnerabilitySeverity.High) };
        var result = VulnerabilityGate.Evaluate(findings, VulnerabilitySeverity.High, [Ignore("CVE-2024-1", new DateOnly(2025, 4, 30))], Today);

        var item = JsonNode.Parse(SarifWriter.Write(result, [], "Dockerfile"))!["runs"]![0]!["results"]![0]!;

        var suppression = Assert.Single(item["suppressions"]!.AsArray())!;
        Assert.Equal("external", suppression["kind"]!.GetValue<string>());
        Assert.Equal("accepted", suppression["status"]!.GetValue<string>());
        Assert.Equal("Not reachable from the app. (ignored until 2025-04-30)", suppression["justification"]!.GetValue<string>());
    }
}
