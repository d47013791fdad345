namespace Build.Tools.Aws.Ecs.Wire;

public sealed record DescribeServicesRequest(string Cluster, IReadOnlyList<string> Services);

public sealed record DescribeServicesResponse(IReadOnlyList<ServiceWire>? Services, IReadOnlyList<FailureWire>? Failures);

public sealed record UpdateServiceRequest(
    string Cluster,
    string Service,
    string TaskDefinition,
    DeploymentConfigurationRequest? DeploymentConfiguration = null,
    IReadOnlyList<EcsTrafficLoadBalancer>? LoadBalancers = null);

/// <summary>UpdateService's deploymentConfiguration: the strategy and its settings, with the circuit breaker and percentages carried over.</summary>
public sealed record DeploymentConfigurationRequest(
    string Strategy,
    int? BakeTimeInMinutes,
    EcsCanaryConfiguration? CanaryConfiguration,
    EcsLinearConfiguration? LinearConfiguration,
    EcsAlarmConfiguration? Alarms,
    EcsCircuitBreaker? DeploymentCircuitBreaker,
    int? MaximumPercent,
    int? MinimumHealthyPercent,
    IReadOnlyList<EcsLifecycleHook>? LifecycleHooks = null);

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

public sealed record DeploymentConfigurationWire(DeploymentCircuitBreakerWire? DeploymentCircuitBreaker, int? MaximumPercent, int? MinimumHealthyPercent, string? Strategy);

public sealed record DeploymentCircuitBreakerWire(bool Enable, bool Rollback);

/// <summary>A resource a Describe call could not return, e.g. a service with reason MISSING.</summary>
public sealed record FailureWire(string? Arn, string? Reason, string? Detail);
