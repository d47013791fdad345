using System.Text.Json.Nodes;
using Build.Core.Reporting;
using Build.Tools.Aws.Ecs;

namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// The RegisterTaskDefinition request for the next revision of a described task definition: every registerable field
/// as described (unknown ones too, values untouched), the read-only fields ECS adds left out, the tags carried over,
/// and one change: the <c>image</c> of the named container.
/// </summary>
public static class TaskDefinitionRevision
{
    /// <summary>What DescribeTaskDefinition returns but RegisterTaskDefinition refuses.</summary>
    public static readonly IReadOnlyList<string> ReadOnlyFields =
        ["taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities", "registeredAt", "registeredBy", "deregisteredAt"];

    public static JsonObject WithImage(EcsTaskDefinition described, string container, string image)
    {
        ArgumentNullException.ThrowIfNull(described);
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        var registration = described.Definition.DeepClone().AsObject();
        foreach (var field in ReadOnlyFields)
        {
            registration.Remove(field);
        }

        var target = (registration["containerDefinitions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(candidate => candidate["name"] is JsonValue name && name.TryGetValue<string>(out var text) && text == container)
            ?? throw new EcsDeployFailedException(
                EcsDeployFailureKind.Refused,
                $"Task definition {described} has no container named '{container}' (its containers: {Bounded.List(described.ContainerNames, ", ")}): deploy with the container name the service's task definition uses.");
        target["image"] = image;
        if (described.Tags.Count > 0)
        {
            registration["tags"] = described.Tags.DeepClone();
        }

        return registration;
    }
}
