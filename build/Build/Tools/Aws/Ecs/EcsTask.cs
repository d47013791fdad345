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
    IReadOnlyList<EcsTaskContainer> Containers,
    DateTimeOffset? StartedAt = null)
{
    public const string StoppedStatus = "STOPPED";

    /// <summary>Gets a value indicating whether the task has ended (lastStatus STOPPED).</summary>
    public bool IsStopped => LastStatus == StoppedStatus;

    /// <summary>The container named <paramref name="name"/>; null when the task reports none of that name.</summary>
    public EcsTaskContainer? Container(string name) => Containers.FirstOrDefault(container => container.Name == name);

    public string Id => EcsArns.LastPart(Arn);
}
