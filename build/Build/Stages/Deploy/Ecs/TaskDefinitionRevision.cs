using System.Text.Json.Nodes;
using Build.Core.Reporting;
using Build.Stages.Infrastructure;
using Build.Tools.Aws.Ecs;

namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// The RegisterTaskDefinition request for the next revision of a described task definition: every registerable field
/// as described (unknown ones too, values untouched), the read-only fields ECS adds left out, the tags carried over,
/// and one change: the <c>image</c> of the named container (and, given the app secrets terraform manages, that
/// container's <c>secrets</c> brought in line with them: <see cref="ContainerSecrets"/>).
/// </summary>
public static class TaskDefinitionRevision
{
    /// <summary>What DescribeTaskDefinition returns but RegisterTaskDefinition refuses.</summary>
    public static readonly IReadOnlyList<string> ReadOnlyFields =
        ["taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities", "registeredAt", "registeredBy", "deregisteredAt"];

    public static JsonObject WithImage(EcsTaskDefinition described, string container, string image) =>
        WithImage(described, container, image, secrets: null, out _);

    /// <summary>As <see cref="WithImage(EcsTaskDefinition, string, string)"/>; <paramref name="secretChanges"/> says what <paramref name="secrets"/> changed.</summary>
    public static JsonObject WithImage(EcsTaskDefinition described, string container, string image, AppSecrets? secrets, out IReadOnlyList<string> secretChanges)
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
        secretChanges = secrets is null ? [] : ContainerSecrets.Apply(target, secrets);
        if (described.Tags.Count > 0)
        {
            registration["tags"] = described.Tags.DeepClone();
        }

        return registration;
    }
}
