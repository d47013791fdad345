using System.Text.Json.Nodes;

namespace Build.Tools.Aws.Ecs;

/// <summary>
/// The ECS operations a deploy uses, typed where the deploy reads a field. <see cref="EcsClient"/> speaks JSON 1.1 on
/// AWSSDK.Core (the feed has no AWSSDK.ECS); a fake or an SDK adapter can take its place.
/// </summary>
public interface IEcsClient
{
    /// <summary>
    /// The service <paramref name="service"/> of <paramref name="cluster"/> with its deployments and newest events. A
    /// service that does not exist throws <see cref="EcsServiceNotFoundException"/>, a cluster that does not
    /// <see cref="EcsClusterNotFoundException"/>; a deleted service is returned with its status (INACTIVE).
    /// </summary>
    Task<EcsService> DescribeServiceAsync(string cluster, string service, CancellationToken cancellationToken = default);

    /// <summary>The task definition (ARN, family:revision or family for the latest ACTIVE one) as JSON, with its tags.</summary>
    Task<EcsTaskDefinition> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken = default);

    /// <summary>Registers <paramref name="registration"/> (RegisterTaskDefinition's request, sent as it is) and returns the new revision.</summary>
    Task<EcsTaskDefinition> RegisterTaskDefinitionAsync(JsonObject registration, CancellationToken cancellationToken = default);

    /// <summary>Points the service at <paramref name="taskDefinition"/>, which starts a deployment; returns the service and that deployment's id.</summary>
    Task<EcsServiceUpdate> UpdateServiceAsync(string cluster, string service, string taskDefinition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Points the service at <paramref name="taskDefinition"/> with the deployment strategy <paramref name="settings"/>
    /// names (deploymentConfiguration, and for a strategy that shifts traffic the load balancer's advancedConfiguration).
    /// </summary>
    Task<EcsServiceUpdate> UpdateServiceAsync(string cluster, string service, string taskDefinition, EcsDeploymentSettings settings, CancellationToken cancellationToken = default);

    /// <summary>The service's deployments created after <paramref name="createdAfter"/> (every page), newest first as ECS lists them.</summary>
    Task<IReadOnlyList<EcsServiceDeploymentSummary>> ListServiceDeploymentsAsync(string cluster, string service, DateTimeOffset createdAfter, CancellationToken cancellationToken = default);

    /// <summary>One service deployment: status, lifecycle stage, revisions and their traffic weights, alarms, rollback.</summary>
    Task<EcsServiceDeploymentState> DescribeServiceDeploymentAsync(string serviceDeploymentArn, CancellationToken cancellationToken = default);

    /// <summary>Stops a service deployment: with <paramref name="rollback"/> ECS moves traffic back to the old revision (stopType ROLLBACK), else it stops where it is (ABORT).</summary>
    Task StopServiceDeploymentAsync(string serviceDeploymentArn, bool rollback, CancellationToken cancellationToken = default);

    /// <summary>The ARNs of the tasks <paramref name="filter"/> selects, every page up to <paramref name="maxTasks"/>.</summary>
    Task<IReadOnlyList<string>> ListTasksAsync(EcsTaskFilter filter, int maxTasks = 100, CancellationToken cancellationToken = default);

    /// <summary>The tasks with these ARNs (in batches of 100); tasks ECS no longer knows are left out.</summary>
    Task<IReadOnlyList<EcsTask>> DescribeTasksAsync(string cluster, IReadOnlyCollection<string> taskArns, CancellationToken cancellationToken = default);

    /// <summary>Starts one Fargate task (<see cref="EcsRunTaskRequest"/>); returns it, or ECS's failures when none started.</summary>
    Task<EcsRunTaskResult> RunTaskAsync(EcsRunTaskRequest request, CancellationToken cancellationToken = default);

    /// <summary>Stops a task (ECS sends SIGTERM, then SIGKILL after the stop timeout); <paramref name="reason"/> becomes its stoppedReason.</summary>
    Task StopTaskAsync(string cluster, string taskArn, string reason, CancellationToken cancellationToken = default);
}
