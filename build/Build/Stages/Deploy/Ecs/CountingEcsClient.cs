using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Build.Tools.Aws.Ecs;

namespace Build.Stages.Deploy.Ecs;

/// <summary>Counts the ECS calls a deploy makes, per operation (a call retried by the client counts once).</summary>
public sealed class CountingEcsClient(IEcsClient inner) : IEcsClient
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Gets the calls so far, per operation, in a stable order.</summary>
    public IReadOnlyDictionary<string, int> Counts => new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);

    public Task<EcsService> DescribeServiceAsync(string cluster, string service, CancellationToken cancellationToken = default) =>
        Count(EcsOperations.DescribeServices, () => inner.DescribeServiceAsync(cluster, service, cancellationToken));

    public Task<EcsTaskDefinition> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken = default) =>
        Count(EcsOperations.DescribeTaskDefinition, () => inner.DescribeTaskDefinitionAsync(taskDefinition, cancellationToken));

    public Task<EcsTaskDefinition> RegisterTaskDefinitionAsync(JsonObject registration, CancellationToken cancellationToken = default) =>
        Count(EcsOperations.RegisterTaskDefinition, () => inner.RegisterTaskDefinitionAsync(registration, cancellationToken));

    public Task<EcsServiceUpdate> UpdateServiceAsync(string cluster, string service, string taskDefinition, CancellationToken cancellationToken = default) =>
        Count(EcsOperations.UpdateService, () => inner.UpdateServiceAsync(cluster, service, taskDefinition, cancellationToken));

    public Task<EcsServiceUpdate> UpdateServiceAsync(string cluster, string service, string taskDefinition, EcsDeploymentSettings settings, CancellationToken cancellationToken = default) =>
        Count(EcsOperations.UpdateService, () => inner.UpdateServiceAsync(cluster, service, taskDefinition, settings, cancellationToken));

    public Task<IReadOnlyList<EcsServiceDeploymentSummary>> ListServiceDeploymentsAsync(string cluster, string service, DateTimeOffset createdAfter, CancellationToken cancellationToken = default) =>
        Count(EcsOperations.ListServiceDeployments, () => inner.ListServiceDeploymentsAsync(cluster, service, createdAfter, cancellationToken));

    public Task<EcsServiceDeploymentState> DescribeServiceDeploymentAsync(string serviceDeploymentArn, CancellationToken cancellationToken = default) =>
        Count(EcsOperations.DescribeServiceDeployments, () => inner.DescribeServiceDeploymentAsync(serviceDeploymentArn, cancellationToken));

    public Task StopServiceDeploymentAsync(string serviceDeploymentArn, bool rollback, CancellationToken cancellationToken = default) =>
        Count(EcsOperations.StopServiceDeployment, async () =>
        {
            await inner.StopServiceDeploymentAsync(serviceDeploymentArn, rollback, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task<IReadOnlyList<string>> ListTasksAsync(EcsTaskFilter filter, int maxTasks = 100, CancellationToken cancellationToken = default) =>
        Count(EcsOperations.ListTasks, () => inner.ListTasksAsync(filter, maxTasks, cancellationToken));

    public Task<IReadOnlyList<EcsTask>> DescribeTasksAsync(string cluster, IReadOnlyCollection<string> taskArns, CancellationToken cancellationToken = default) =>
        Count(EcsOperations.DescribeTasks, () => inner.DescribeTasksAsync(cluster, taskArns, cancellationToken));

    public Task<EcsRunTaskResult> RunTaskAsync(EcsRunTaskRequest request, CancellationToken cancellationToken = default) =>
        Count(EcsOperations.RunTask, () => inner.RunTaskAsync(request, cancellationToken));

    public Task StopTaskAsync(string cluster, string taskArn, string reason, CancellationToken cancellationToken = default) =>
        Count(EcsOperations.StopTask, async () =>
        {
            await inner.StopTaskAsync(cluster, taskArn, reason, cancellationToken).ConfigureAwait(false);
            return true;
        });

    private Task<T> Count<T>(string operation, Func<Task<T>> call)
    {
        _counts.AddOrUpdate(operation, 1, (_, count) => count + 1);
        return call();
    }
}
