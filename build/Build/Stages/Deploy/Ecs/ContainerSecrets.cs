using System.Text.Json.Nodes;
using Build.Stages.Infrastructure;

namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// Brings a container definition's <c>secrets</c> in line with the app secrets terraform manages: entries of secrets
/// terraform still manages stay as they are (their valueFrom set to the recorded ARN, which it already is), a secret
/// added in the tfvars is appended, one removed from them (valueFrom under the environment's prefix) is dropped, and
/// every other entry (a secret someone else manages, SSM parameters) is kept untouched. So a new revision carries the
/// secrets through unchanged, and a secret added with Apply reaches the service with the next Deploy.
/// </summary>
public static class ContainerSecrets
{
    /// <summary>Updates <paramref name="container"/> in place; returns what changed ("added X", "removed Y"), empty when nothing did.</summary>
    public static IReadOnlyList<string> Apply(JsonObject container, AppSecrets managed)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(managed);
        var existing = container["secrets"] as JsonArray ?? [];
        var kept = new JsonArray();
        var changes = new List<string>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in existing.OfType<JsonObject>())
        {
            var name = entry["name"]?.GetValue<string>() ?? "";
            var valueFrom = entry["valueFrom"]?.GetValue<string>() ?? "";
            var copy = entry.DeepClone().AsObject();
            if (managed.Arns.TryGetValue(name, out var arn))
            {
                if (valueFrom != arn)
                {
                    copy["valueFrom"] = arn;
                    changes.Add($"{name} now from {arn}");
                }

                present.Add(name);
                kept.Add(copy);
            }
            else if (valueFrom.StartsWith(managed.ArnPrefix, StringComparison.Ordinal))
            {
                changes.Add($"removed {name}");
            }
            else
            {
                kept.Add(copy);
            }
        }

        foreach (var (name, arn) in managed.Arns.Where(secret => !present.Contains(secret.Key)).OrderBy(secret => secret.Key, StringComparer.Ordinal))
        {
            kept.Add(new JsonObject { ["name"] = name, ["valueFrom"] = arn });
            changes.Add($"added {name}");
        }

        if (changes.Count > 0)
        {
            container["secrets"] = kept;
        }

        return changes;
    }
}
