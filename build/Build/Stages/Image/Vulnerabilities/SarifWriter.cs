using System.Text.Json;
using System.Text.Json.Nodes;
using Build.Core.Vulnerabilities;

namespace Build.Stages.Image.Vulnerabilities;

/// <summary>
/// The gate's findings as SARIF 2.1.0 (one run per scanner; ignored findings carry an accepted external suppression
/// with the entry's reason), for GitHub code scanning and other SARIF viewers. Pure: text in, text out.
/// </summary>
public static class SarifWriter
{
    public const string Version = "2.1.0";
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <param name="result">The gate's result.</param>
    /// <param name="scanners">The scanners that ran or were skipped; each one that ran gets a run even without findings.</param>
    /// <param name="artifactUri">The file the findings are attached to (e.g. the Dockerfile), relative to the repository root.</param>
    public static string Write(VulnerabilityGateResult result, IReadOnlyList<ScannerOutcome> scanners, string artifactUri)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scanners);
        var ignored = result.Ignored.ToDictionary<IgnoredFinding, VulnerabilityFinding, IgnoreEntry>(item => item.Finding, item => item.Entry, ReferenceEqualityComparer.Instance);
        var sources = scanners.Where(scanner => scanner.Ran).Select(scanner => scanner.Scanner)
            .Concat(result.Findings.Select(finding => finding.Source))
            .Distinct(StringComparer.Ordinal);
        var runs = new JsonArray([.. sources.Select(source => Run(source, [.. result.Findings.Where(finding => finding.Source == source)], ignored, artifactUri))]);
        var sarif = new JsonObject { ["$schema"] = Schema, ["version"] = Version, ["runs"] = runs };
        return sarif.ToJsonString(Indented);
    }

    /// <summary>GitHub's reading of security-severity: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low.</summary>
    public static string SecuritySeverity(VulnerabilitySeverity severity) => severity switch
    {
        VulnerabilitySeverity.Critical => "9.5",
        VulnerabilitySeverity.High => "8.0",
        VulnerabilitySeverity.Medium => "5.5",
        VulnerabilitySeverity.Low => "2.0",
        _ => "0.0",
    };

    public static string Level(VulnerabilitySeverity severity) => severity switch
    {
        VulnerabilitySeverity.Critical or VulnerabilitySeverity.High => "error",
        VulnerabilitySeverity.Medium => "warning",
        _ => "note",
    };

    private static JsonObject Run(string source, List<VulnerabilityFinding> findings, Dictionary<VulnerabilityFinding, IgnoreEntry> ignored, string artifactUri)
    {
        var rules = findings
            .GroupBy(finding => finding.Id, StringComparer.OrdinalIgnoreCase)
            .Select(group => group.MaxBy(finding => finding.Severity)!)
            .ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.OrdinalIgnoreCase);
        var (name, uri) = source == VulnerabilitySources.Trivy
            ? ("Trivy", "https://github.com/aquasecurity/trivy")
            : source == VulnerabilitySources.Ecr
                ? ("Amazon ECR image scanning", "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html")
                : (source, null);
        var driver = new JsonObject { ["name"] = name, ["informationUri"] = uri, ["rules"] = new JsonArray([.. rules.Select(Rule)]) };
        var results = new JsonArray([.. findings.Select(finding => Result(finding, ruleIndex[finding.Id], ignored.GetValueOrDefault(finding), artifactUri))]);
        return new JsonObject { ["tool"] = new JsonObject { ["driver"] = driver }, ["results"] = results };
    }

    private static JsonObject Rule(VulnerabilityFinding finding)
    {
        var rule = new JsonObject
        {
            ["id"] = finding.Id,
            ["shortDescription"] = new JsonObject { ["text"] = finding.Title ?? finding.Id },
            ["properties"] = new JsonObject
            {
                ["security-severity"] = SecuritySeverity(finding.Severity),
                ["tags"] = new JsonArray("security", "vulnerability", finding.Severity.ToName()),
            },
        };
        if (Uri.TryCreate(finding.Url, UriKind.Absolute, out var help))
        {
            rule["helpUri"] = help.AbsoluteUri;
        }

        return rule;
    }

    private static JsonObject Result(VulnerabilityFinding finding, int ruleIndex, IgnoreEntry? ignore, string artifactUri)
    {
        var result = new JsonObject
        {
            ["ruleId"] = finding.Id,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(finding.Severity),
            ["message"] = new JsonObject { ["text"] = finding.ToString() + (finding.Title is null ? "" : $": {finding.Title}") },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = artifactUri } },
            }),
            ["partialFingerprints"] = new JsonObject { ["vulnerability/v1"] = $"{finding.Id}|{finding.Package}|{finding.InstalledVersion}" },
            ["properties"] = new JsonObject
            {
                ["package"] = finding.Package,
                ["installedVersion"] = finding.InstalledVersion,
                ["fixedVersion"] = finding.FixedVersion,
                ["severity"] = finding.Severity.ToName(),
                ["target"] = finding.Target,
            },
        };
        if (ignore is not null)
        {
            result["suppressions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "external",
                ["status"] = "accepted",
                ["justification"] = $"{ignore.Reason} (ignored until {ignore.Expires:yyyy-MM-dd})",
            });
        }

        return result;
    }
}
