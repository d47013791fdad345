using System.Text.Json;

namespace Build.Stages.Infrastructure;

/// <summary>The outputs the deploy step needs, read with <c>terraform output -json</c>.</summary>
public sealed record TerraformOutputs(
    string ClusterName,
    string ServiceName,
    string RepositoryUrl,
    string ContainerName,
    string PublicUrl,
    IReadOnlyDictionary<string, string> All)
{
    public static TerraformOutputs Parse(string outputJson, Action<string> registerSecret)
    {
        using var document = JsonDocument.Parse(outputJson);
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var output in document.RootElement.EnumerateObject())
        {
            var value = output.Value.GetProperty("value");
            var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            if (output.Value.TryGetProperty("sensitive", out var sensitive) && sensitive.GetBoolean())
            {
                registerSecret(text);
            }

            all[output.Name] = text;
        }

        string Get(string name) => all.GetValueOrDefault(name, "");
        return new TerraformOutputs(Get("cluster_name"), Get("service_name"), Get("repository_url"), Get("container_name"), Get("public_url"), all);
    }
}
