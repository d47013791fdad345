using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Build.Stages.Infrastructure;

/// <summary>One planned change: the resource address, its type and what happens to it.</summary>
public sealed record PlannedChange(string Address, string Type, string Action);

/// <summary>The changes of a saved plan, read from <c>terraform show -json</c>.</summary>
public sealed record PlanSummary(IReadOnlyList<PlannedChange> Changes)
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Replace = "replace";
    public const string Destroy = "destroy";

    public bool HasChanges => Changes.Count > 0;

    public int Count(string action) => Changes.Count(change => change.Action == action);

    public static PlanSummary Parse(string showJson)
    {
        using var document = JsonDocument.Parse(showJson);
        var changes = new List<PlannedChange>();
        if (document.RootElement.TryGetProperty("resource_changes", out var resourceChanges))
        {
            foreach (var resource in resourceChanges.EnumerateArray())
            {
                var actions = resource.GetProperty("change").GetProperty("actions").EnumerateArray().Select(action => action.GetString()).ToList();
                var action = Classify(actions);
                if (action is not null)
                {
                    changes.Add(new PlannedChange(resource.GetProperty("address").GetString()!, resource.GetProperty("type").GetString()!, action));
                }
            }
        }

        return new PlanSummary(changes);
    }

    public string ToConsoleLine() =>
        string.Create(CultureInfo.InvariantCulture, $"{Count(Create)} to create, {Count(Update)} to update, {Count(Replace)} to replace, {Count(Destroy)} to destroy");

    public string ToMarkdown(string environment)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Environment `{environment}`: {ToConsoleLine()}.")
            .AppendLine();
        if (!HasChanges)
        {
            return text.AppendLine("No changes.").ToString();
        }

        text.AppendLine("| Resource type | Create | Update | Replace | Destroy |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var type in Changes.GroupBy(change => change.Type).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            int Of(string action) => type.Count(change => change.Action == action);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {type.Key} | {Of(Create)} | {Of(Update)} | {Of(Replace)} | {Of(Destroy)} |");
        }

        return text.ToString();
    }

    // Terraform's action lists: ["create"], ["update"], ["delete"], ["delete","create"] or ["create","delete"]
    // (replace), ["no-op"] and ["read"] (nothing changes).
    private static string? Classify(List<string?> actions) =>
        actions switch
        {
            ["create"] => Create,
            ["update"] => Update,
            ["delete"] => Destroy,
            ["delete", "create"] or ["create", "delete"] => Replace,
            _ => null,
        };
}
