using System.Text.Json.Nodes;
using Build.Parameters;

namespace Build.Stages.Accessibility;

/// <summary>
/// SARIF 2.1.0 (artifacts/accessibility/accessibility.sarif) for code-scanning tools: one result per violation,
/// rule id = the axe rule, level from the impact, location = the page's path; baseline-accepted ones are suppressed.
/// </summary>
public static class SarifReportWriter
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Level(ImpactLevel impact) => impact switch
    {
        ImpactLevel.Critical or ImpactLevel.Serious => "error",
        ImpactLevel.Moderate => "warning",
        _ => "note",
    };

    public static string Write(AccessibilityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var violations = report.Gate.Violations;
        var rules = violations
            .Select(judged => judged.Violation)
            .DistinctBy(violation => violation.Rule)
            .OrderBy(violation => violation.Rule, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = rules.Select((rule, index) => (rule.Rule, index)).ToDictionary(pair => pair.Rule, pair => pair.index, StringComparer.Ordinal);

        var sarif = new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "axe-core",
                        ["version"] = report.AxeVersion ?? "unknown",
                        ["informationUri"] = "https://github.com/dequelabs/axe-core",
                        ["rules"] = new JsonArray([.. rules.Select(Rule)]),
                    },
                },
                ["invocations"] = new JsonArray(new JsonObject { ["executionSuccessful"] = true }),
                ["originalUriBaseIds"] = new JsonObject { ["SITE"] = SiteBase(report) },
                ["results"] = new JsonArray([.. violations.Select(judged => Result(report, judged, ruleIndex[judged.Violation.Rule]))]),
            }),
        };
        return sarif.ToJsonString(ReportJson.Options);
    }

    private static JsonObject Rule(AccessibilityViolation violation) => new()
    {
        ["id"] = violation.Rule,
        ["shortDescription"] = new JsonObject { ["text"] = violation.Help },
        ["helpUri"] = violation.HelpUrl,
        ["properties"] = new JsonObject { ["tags"] = new JsonArray([.. violation.Tags.Select(tag => JsonValue.Create(tag))]) },
    };

    // A temporary site's origin no longer answers: the base is described, not given as a URL.
    private static JsonObject SiteBase(AccessibilityReport report) =>
        report.TemporarySite
            ? new JsonObject { ["description"] = new JsonObject { ["text"] = report.SiteShown } }
            : new JsonObject { ["uri"] = report.Site.GetLeftPart(UriPartial.Authority) + "/" };

    private static JsonObject Result(AccessibilityReport report, JudgedViolation judged, int ruleIndex)
    {
        var violation = judged.Violation;
        var result = new JsonObject
        {
            ["ruleId"] = violation.Rule,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(violation.Impact),
            ["message"] = new JsonObject { ["text"] = $"{violation.Help} ({violation.Impact.Name()}) at {violation.Selector}" },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = violation.Page, ["uriBaseId"] = "SITE" },
                },
                ["logicalLocations"] = new JsonArray(new JsonObject { ["fullyQualifiedName"] = violation.Selector, ["kind"] = "element" }),
            }),
            ["properties"] = new JsonObject
            {
                ["impact"] = violation.Impact.Name(),
                ["gate"] = AccessibilityReport.StatusName(judged.Status),
                ["pageUrl"] = report.Shown(violation.PageUrl),
                ["html"] = violation.Html,
            },
        };
        if (judged.Status == ViolationStatus.Accepted && judged.Entry is { } entry)
        {
            result["suppressions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "external",
                ["status"] = "accepted",
                ["justification"] = $"{entry.Reason} (accepted until {entry.Expires.ToString(BaselineFile.DateFormat, System.Globalization.CultureInfo.InvariantCulture)})",
            });
        }

        return result;
    }
}
