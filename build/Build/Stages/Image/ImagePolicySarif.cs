using System.Text.Json;
using Build.Core;

namespace Build.Stages.Image;

/// <summary>The policy result as SARIF 2.1.0 (GitHub code scanning, IDEs): every rule, one result per violation, on the Dockerfile.</summary>
public static class ImagePolicySarif
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Write(ImagePolicyResult result, string dockerfileUri, string imageReference)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sarif = new Dictionary<string, object>
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new[]
            {
                new
                {
                    tool = new
                    {
                        driver = new
                        {
                            name = "image-policy",
                            informationUri = "https://github.com/opencontainers/image-spec/blob/main/annotations.md",
                            rules = ImagePolicyRules.All.Select(rule => new
                            {
                                id = rule.Id,
                                name = rule.Name,
                                shortDescription = new { text = rule.Description },
                                defaultConfiguration = new { level = "error" },
                            }),
                        },
                    },
                    results = result.Violations.Select(violation => new
                    {
                        ruleId = violation.Rule.Id,
                        level = "error",
                        message = new { text = $"{imageReference}: {violation.Message}" },
                        locations = new[]
                        {
                            new { physicalLocation = new { artifactLocation = new { uri = dockerfileUri } } },
                        },
                    }),
                },
            },
        };
        return JsonSerializer.Serialize(sarif, JsonDefaults.Indented);
    }
}
