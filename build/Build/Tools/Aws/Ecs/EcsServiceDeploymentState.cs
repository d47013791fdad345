namespace Build.Tools.Aws.Ecs;

/// <summary>
/// A service deployment as DescribeServiceDeployments reports it (the fields the deploy judges): its status
/// (<see cref="EcsServiceDeploymentStatuses"/>), the lifecycle stage, the revisions with their traffic weights, the
/// alarms and, after a rollback, why.
/// </summary>
public sealed record EcsServiceDeploymentState(
    string Arn,
    string Status,
    string? StatusReason,
    string? LifecycleStage,
    EcsServiceRevisionSummary? Target,
    IReadOnlyList<EcsServiceRevisionSummary> Sources,
    EcsDeploymentAlarms? Alarms,
    string? RollbackReason,
    DateTimeOffset? CreatedAt)
{
    /// <summary>Gets the alarms ECS saw in ALARM (empty when none).</summary>
    public IReadOnlyList<string> TriggeredAlarms => Alarms?.TriggeredAlarmNames ?? [];
}

/// <summary>One revision in a service deployment: its tasks and the share of test and production traffic asked for it (0-100).</summary>
public sealed record EcsServiceRevisionSummary(string Arn, int RequestedTaskCount, int RunningTaskCount, int PendingTaskCount, double? TestTrafficWeight, double? ProductionTrafficWeight);

/// <summary>A service deployment's alarms: their status (TRIGGERED when one went into ALARM), the ones watched and the ones that fired.</summary>
public sealed record EcsDeploymentAlarms(string? Status, IReadOnlyList<string> AlarmNames, IReadOnlyList<string> TriggeredAlarmNames);

/// <summary>A service deployment as ListServiceDeployments lists it.</summary>
public sealed record EcsServiceDeploymentSummary(string Arn, string Status, DateTimeOffset? CreatedAt);
