using System.Text.Json.Nodes;

namespace Build.Tools.Aws.Ecs;

/// <summary>
/// A task definition exactly as DescribeTaskDefinition returned it (<see cref="Definition"/>, every field kept, read-only
/// ones included) and its tags. Only what the deploy reads is typed; the rest stays JSON so a new revision loses nothing.
/// </summary>
public sealed record EcsTaskDefinition(JsonObject Definition, JsonArray Tags)
{
    /// <summary>Gets the ARN, e.g. arn:aws:ecs:eu-west-1:123456789012:task-definition/app-dev:7.</summary>
    public string Arn => Text("taskDefinitionArn") ?? "";

    public string Family => Text("family") ?? "";

    public int Revision => Definition["revision"] is JsonValue value && value.TryGetValue<int>(out var revision) ? revision : 0;

    /// <summary>Gets the names of the containers, in order.</summary>
    public IReadOnlyList<string> ContainerNames =>
        [.. (Definition["containerDefinitions"] as JsonArray ?? []).Select(container => container?["name"]?.GetValue<string>() ?? "")];

    /// <summary>The image of the container named <paramref name="container"/>; null when there is no such container.</summary>
    public string? ImageOf(string container) =>
        (Definition["containerDefinitions"] as JsonArray ?? [])
            .FirstOrDefault(candidate => candidate?["name"]?.GetValue<string>() == container)?["image"]?.GetValue<string>();

    public override string ToString() => EcsArns.ShortTaskDefinition(Arn);

    private string? Text(string name) => Definition[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
