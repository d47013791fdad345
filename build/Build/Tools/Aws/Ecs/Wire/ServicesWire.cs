namespace Build.Tools.Aws.Ecs.Wire;

public sealed record DescribeServicesRequest(string Cluster, IReadOnlyList<string> Services);

public sealed record DescribeServicesResponse(IReadOnlyList<ServiceWire>? Services, IReadOnlyList<FailureWire>? Failures);

public sealed record UpdateServiceRequest(string Cluster, string Service, string TaskDefinition);

public sealed record UpdateServiceResponse(ServiceWire? Service);

public sealed record ServiceWire(
    string? ServiceArn,
    string? ServiceName,
    string? ClusterArn,
    string? Status,
    int DesiredCount,
    int RunningCount,
    int PendingCount,
    string? TaskDefinition,
    IReadOnlyList<DeploymentWire>? Deployments,
    IReadOnlyList<ServiceEventWire>? Events,
    DeploymentConfigurationWire? DeploymentConfiguration);

public sealed record DeploymentWire(
    string? Id,
    string? Status,
    string? TaskDefinition,
    int DesiredCount,
    int PendingCount,
    int RunningCount,
    int FailedTasks,
    double? CreatedAt,
    double? UpdatedAt,
    string? RolloutState,
    string? RolloutStateReason);

public sealed record ServiceEventWire(string? Id, double? CreatedAt, string? Message);

public sealed record DeploymentConfigurationWire(DeploymentCircuitBreakerWire? DeploymentCircuitBreaker);

public sealed record DeploymentCircuitBreakerWire(bool Enable, bool Rollback);

/// <summary>A resource a Describe call could not return, e.g. a service with reason MISSING.</summary>
public sealed record FailureWire(string? Arn, string? Reason, string? Detail);
