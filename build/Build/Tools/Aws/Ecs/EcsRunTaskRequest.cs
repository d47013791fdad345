namespace Build.Tools.Aws.Ecs;

/// <summary>
/// A one-off Fargate task: <paramref name="TaskDefinition"/> (an ARN) in <paramref name="Cluster"/>, in the service's
/// <paramref name="Subnets"/> and <paramref name="SecurityGroups"/> (no public IP), the container
/// <paramref name="Container"/> running <paramref name="Command"/> instead of its image's CMD (the ENTRYPOINT stays);
/// <paramref name="StartedBy"/> tags it (at most 36 characters; ECS shows it, ListTasks filters by it).
/// </summary>
public sealed record EcsRunTaskRequest(
    string Cluster,
    string TaskDefinition,
    string Container,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Subnets,
    IReadOnlyList<string> SecurityGroups,
    string? StartedBy = null);
