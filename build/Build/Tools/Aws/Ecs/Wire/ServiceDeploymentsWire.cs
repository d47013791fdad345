namespace Build.Tools.Aws.Ecs.Wire;

public sealed record ListServiceDeploymentsRequest(string Cluster, string Service, CreatedAtFilter? CreatedAt, string? NextToken, int MaxResults);

public sealed record CreatedAtFilter(double? After);

public sealed record ListServiceDeploymentsResponse(IReadOnlyList<ServiceDeploymentBriefWire>? ServiceDeployments, string? NextToken);

public sealed record ServiceDeploymentBriefWire(string? ServiceDeploymentArn, string? Status, double? CreatedAt);

public sealed record DescribeServiceDeploymentsRequest(IReadOnlyList<string> ServiceDeploymentArns);

public sealed record DescribeServiceDeploymentsResponse(IReadOnlyList<ServiceDeploymentWire>? ServiceDeployments, IReadOnlyList<FailureWire>? Failures);

public sealed record ServiceDeploymentWire(
    string? ServiceDeploymentArn,
    string? Status,
    string? StatusReason,
    string? LifecycleStage,
    double? CreatedAt,
    ServiceRevisionSummaryWire? TargetServiceRevision,
    IReadOnlyList<ServiceRevisionSummaryWire>? SourceServiceRevisions,
    ServiceDeploymentAlarmsWire? Alarms,
    RollbackWire? Rollback);

public sealed record ServiceRevisionSummaryWire(
    string? Arn, int RequestedTaskCount, int RunningTaskCount, int PendingTaskCount, double? RequestedTestTrafficWeight, double? RequestedProductionTrafficWeight);

public sealed record ServiceDeploymentAlarmsWire(string? Status, IReadOnlyList<string>? AlarmNames, IReadOnlyList<string>? TriggeredAlarmNames);

public sealed record RollbackWire(string? Reason, string? ServiceRevisionArn);

public sealed record StopServiceDeploymentRequest(string ServiceDeploymentArn, string StopType);

public sealed record StopServiceDeploymentResponse(string? ServiceDeploymentArn);
