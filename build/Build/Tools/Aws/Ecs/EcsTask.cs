namespace Build.Tools.Aws.Ecs;

/// <summary>A task as DescribeTasks reports it; a service's tasks are started by its deployment's id (<c>ecs-svc/...</c>).</summary>
public sealed record EcsTask(
    string Arn,
    string? TaskDefinitionArn,
    string? LastStatus,
    string? DesiredStatus,
    string? StartedBy,
    string? StoppedReason,
    string? StopCode,
    DateTimeOffset? StoppedAt,
    IReadOnlyList<EcsTaskContainer> Containers)
{
    public string Id => EcsArns.LastPart(Arn);
}
