using System.Text.Json;
using Build.Core;
using Cake.Core;

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

    /// <summary>
    /// The JSON output <paramref name="name"/> as <typeparamref name="T"/>; null when it is missing (infrastructure
    /// applied before it existed). Unreadable JSON is one line: "terraform output NAME is not DESCRIBED (why): ...".
    /// </summary>
    public T? ReadJson<T>(string name, string describedAs)
        where T : class
    {
        if (All.GetValueOrDefault(name) is not { Length: > 0 } json || json == "null")
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, JsonDefaults.Indented);
        }
        catch (JsonException unreadable)
        {
            throw new CakeException($"terraform output {name} is not {describedAs} ({unreadable.Message}): check terraform/outputs.tf.");
        }
    }
}
