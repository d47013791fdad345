namespace Build.Tools.Aws.Ecs;

/// <summary>An ECS service as DescribeServices reports it: the fields the deploy reads, nothing else.</summary>
public sealed record EcsService(
    string Name,
    string Arn,
    string ClusterArn,
    string Status,
    int DesiredCount,
    int RunningCount,
    int PendingCount,
    string TaskDefinition,
    IReadOnlyList<EcsServiceDeployment> Deployments,
    IReadOnlyList<EcsServiceEvent> Events,
    EcsCircuitBreaker? CircuitBreaker,
    int? MaximumPercent = null,
    int? MinimumHealthyPercent = null)
{
    public const string ActiveStatus = "ACTIVE";

    /// <summary>Gets the PRIMARY deployment: what the service converges to (null only for a service being deleted).</summary>
    public EcsServiceDeployment? Primary => Deployments.FirstOrDefault(deployment => deployment.IsPrimary);

    public bool IsActive => Status == ActiveStatus;

    public EcsServiceDeployment? Deployment(string id) => Deployments.FirstOrDefault(deployment => deployment.Id == id);
}
