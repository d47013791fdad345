using System.Text.Json.Nodes;

namespace Build.Tools.Aws.Ecs.Wire;

/// <summary>DescribeTaskDefinition, with the tags (include TAGS) so a new revision can carry them.</summary>
public sealed record DescribeTaskDefinitionRequest(string TaskDefinition, IReadOnlyList<string> Include);

/// <summary>The task definition stays JSON: every field is kept, known or not.</summary>
public sealed record TaskDefinitionResponse(JsonObject? TaskDefinition, JsonArray? Tags);
