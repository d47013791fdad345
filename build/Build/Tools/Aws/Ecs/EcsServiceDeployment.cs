namespace Build.Tools.Aws.Ecs;

/// <summary>One of a service's deployments as DescribeServices/UpdateService report it (id like <c>ecs-svc/1234567890123456789</c>).</summary>
public sealed record EcsServiceDeployment(
    string Id,
    string Status,
    string TaskDefinition,
    string? RolloutState,
    string? RolloutStateReason,
    int DesiredCount,
    int RunningCount,
    int PendingCount,
    int FailedTasks,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    public bool IsPrimary => Status == EcsDeploymentStatuses.Primary;

    public bool IsInProgress => RolloutState == EcsRolloutStates.InProgress;

    public bool IsCompleted => RolloutState == EcsRolloutStates.Completed;

    public bool IsFailed => RolloutState == EcsRolloutStates.Failed;
}
