using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Build.Stages.Drift;

/// <summary>
/// One resource that changed outside terraform: its address and type, what terraform saw (<see cref="DriftSummary.Update"/>:
/// it differs; <see cref="DriftSummary.Delete"/>: it is gone) and the names of the top-level attributes that differ.
/// Only names: a value may be a secret.
/// </summary>
public sealed record DriftedResource(string Address, string Type, string Action, IReadOnlyList<string> Attributes)
{
    /// <summary>Gets the resource as the one-line message names it: "aws_cloudwatch_log_group.app (retention_in_days)", "aws_s3_bucket.logs (deleted)".</summary>
    public string Described => Action == DriftSummary.Delete
        ? $"{Address} (deleted)"
        : $"{Address} ({string.Join(", ", Attributes)})";
}

/// <summary>
/// What a refresh-only plan found changed outside terraform, read from <c>terraform show -json</c>'s <c>resource_drift</c>.
/// An attribute that went from null to empty (<c>tags = null</c> in state, <c>{}</c> read back) is no drift: providers
/// normalise such values on read, and terraform lists them although nothing changed.
/// </summary>
public sealed record DriftSummary(string Environment, IReadOnlyList<DriftedResource> Resources)
{
    public const string Update = "update";
    public const string Delete = "delete";

    public bool HasDrift => Resources.Count > 0;

    public static DriftSummary Parse(string environment, string showJson)
    {
        using var document = JsonDocument.Parse(showJson);
        var resources = new List<DriftedResource>();
        if (document.RootElement.TryGetProperty("resource_drift", out var drift) && drift.ValueKind == JsonValueKind.Array)
        {
            foreach (var resource in drift.EnumerateArray())
            {
                if (Read(resource) is { } drifted)
                {
                    resources.Add(drifted);
                }
            }
        }

        return new DriftSummary(environment, [.. resources.OrderBy(resource => resource.Address, StringComparer.Ordinal)]);
    }

    /// <summary>The one line a run with drift ends with: "Drift: 2 resources changed outside terraform in dev: a (x), b (deleted)".</summary>
    public string ToFailureLine() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Drift: {Resources.Count} resource{(Resources.Count == 1 ? "" : "s")} changed outside terraform in {Environment}: {string.Join(", ", Resources.Select(resource => resource.Described))}. "
            + $"Review them (artifacts/drift/{Environment}/drift.json), then either make terraform/ describe them or run Plan and Apply to put them back.");

    public string ToConsoleLine() =>
        HasDrift
            ? string.Create(CultureInfo.InvariantCulture, $"{Resources.Count} resource{(Resources.Count == 1 ? "" : "s")} changed outside terraform")
            : "no drift: the infrastructure matches the state";

    public string ToMarkdown()
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"Environment `{Environment}`: {ToConsoleLine()}.").AppendLine();
        if (!HasDrift)
        {
            return text.ToString();
        }

        text.AppendLine("| Resource | Change | Attributes changed |").AppendLine("|---|---|---|");
        foreach (var resource in Resources)
        {
            var attributes = resource.Action == Delete ? "(deleted outside terraform)" : string.Join(", ", resource.Attributes.Select(name => $"`{name}`"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{resource.Address}` | {resource.Action} | {attributes} |");
        }

        return text.AppendLine().AppendLine("Values are not shown: they may be secret. `terraform plan -refresh-only` shows them where you may see them.").ToString();
    }

    private static DriftedResource? Read(JsonElement resource)
    {
        var change = resource.GetProperty("change");
        var actions = change.GetProperty("actions").EnumerateArray().Select(action => action.GetString()).ToList();
        var address = resource.GetProperty("address").GetString()!;
        var type = resource.GetProperty("type").GetString()!;
        if (actions is ["delete"])
        {
            return new DriftedResource(address, type, Delete, []);
        }

        if (actions is not ["update"])
        {
            return null;
        }

        var attributes = ChangedAttributes(Property(change, "before"), Property(change, "after"));
        return attributes.Count == 0 ? null : new DriftedResource(address, type, Update, attributes);
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static List<string> ChangedAttributes(JsonElement? before, JsonElement? after)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var side in new[] { before, after })
        {
            if (side is { } values)
            {
                names.UnionWith(values.EnumerateObject().Select(property => property.Name));
            }
        }

        return [.. names.Where(name => !SameValue(Value(before, name), Value(after, name)))];
    }

    private static JsonElement? Value(JsonElement? side, string name) =>
        side is { } values && values.TryGetProperty(name, out var value) ? value : null;

    private static bool SameValue(JsonElement? before, JsonElement? after) =>
        IsEmpty(before) && IsEmpty(after)
        || before is { } left && after is { } right && JsonElement.DeepEquals(left, right);

    private static bool IsEmpty(JsonElement? value) =>
        value is not { } element
        || element.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => true,
            JsonValueKind.Object => !element.EnumerateObject().Any(),
            JsonValueKind.Array => element.GetArrayLength() == 0,
            _ => false,
        };
}
