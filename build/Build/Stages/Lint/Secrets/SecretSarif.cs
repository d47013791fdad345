using System.Text.Json;
using Build.Core;

namespace Build.Stages.Lint.Secrets;

/// <summary>
/// The secret scan as SARIF 2.1.0 (GitHub code scanning): every rule, one result per finding with its file, line and
/// column (history findings name their commit), ignored ones with an accepted suppression giving the entry's reason.
/// Messages carry the rule and the redacted preview, never the value; nor does the fingerprint derive from it (a hash of
/// a short password could be reversed by guessing): it is the rule, file and commit.
/// </summary>
public static class SecretSarif
{
    private static readonly string[] Tags = ["security", "secret"];

    public static string Write(SecretScanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var results = result.Findings.Select(finding => Result(finding, null))
            .Concat(result.Ignored.Select(item => Result(item.Finding, item.Entry)));
        var sarif = new Dictionary<string, object>
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["tool"] = new
                    {
                        driver = new
                        {
                            name = "secret-scan",
                            rules = SecretRules.All.Select(rule => new
                            {
                                id = rule.Id,
                                shortDescription = new { text = rule.Description },
                                defaultConfiguration = new { level = "error" },
                                properties = new { tags = Tags },
                            }),
                        },
                    },
                    ["results"] = results.ToList(),
                },
            },
        };
        return JsonSerializer.Serialize(sarif, JsonDefaults.Indented);
    }

    private static string Location(SecretFinding finding) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{finding.Rule}|{finding.File}|{finding.Commit}")))[..32];

    private static Dictionary<string, object> Result(SecretFinding finding, SecretIgnoreEntry? entry)
    {
        var where = finding.Commit is null ? "" : $" added in commit {finding.Commit}";
        var result = new Dictionary<string, object>
        {
            ["ruleId"] = finding.Rule,
            ["level"] = "error",
            ["message"] = new { text = $"{finding.Rule}: {finding.Describe()}{where}" },
            ["locations"] = new[]
            {
                new
                {
                    physicalLocation = new
                    {
                        artifactLocation = new { uri = finding.File },
                        region = new { startLine = finding.Line, startColumn = finding.Column },
                    },
                },
            },
            ["partialFingerprints"] = new Dictionary<string, string> { ["secret/v1"] = Location(finding) },
        };
        if (finding.Commit is not null)
        {
            result["properties"] = new { commit = finding.Commit };
        }

        if (entry is not null)
        {
            result["suppressions"] = new[] { new { kind = "external", status = "accepted", justification = $"{entry.Reason} (ignored until {entry.Expires:yyyy-MM-dd})" } };
        }

        return result;
    }
}
