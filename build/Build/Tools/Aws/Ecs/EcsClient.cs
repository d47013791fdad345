using System.Text.Json.Nodes;
using Build.Core.Secrets;
using Build.Tools.Aws.Ecs.Wire;
using Cake.Core.Diagnostics;

namespace Build.Tools.Aws.Ecs;

/// <summary>
/// ECS over its JSON-1.1 wire protocol (POST /, X-Amz-Target), signed and retried by <see cref="AwsJsonClient"/>. The
/// region and endpoint come with the settings: a cloud environment's <c>AwsSettingsFor(AwsService.Ecs, ...)</c>
/// puts it in the environment's region and honours AWS_ENDPOINT_URL_ECS, then AWS_ENDPOINT_URL.
/// </summary>
public sealed class EcsClient : IEcsClient
{
    private const int MaxTasksPerPage = 100;
    private const int MaxTasksPerDescribe = 100;
    private const string MissingReason = "MISSING";
    private const int MaxServiceDeploymentsPerPage = 20;
    private const string FargateLaunchType = "FARGATE";

    private readonly AwsJsonClient _aws;

    public EcsClient(AwsSettings settings, SecretRegistry secrets, ICakeLog log, HttpClient? http = null)
    {
        _aws = new AwsJsonClient(AwsService.Ecs, settings, secrets, log, http);
    }

    public async Task<EcsService> DescribeServiceAsync(string cluster, string service, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        var response = await SendAsync<DescribeServicesRequest, DescribeServicesResponse>(
            EcsOperations.DescribeServices, new DescribeServicesRequest(cluster, [service]), cluster, service, cancellationToken);
        var found = response.Services is { Count: > 0 } services ? services[0] : null;
        if (found is not null)
        {
            return ToService(EcsOperations.DescribeServices, found);
        }

        var failure = response.Failures is { Count: > 0 } failures ? failures[0] : null;
        if (failure is null || failure.Reason == MissingReason)
        {
            throw ServiceMissing($"{AwsService.Ecs.DisplayName} {EcsOperations.DescribeServices}", cluster, service, new AwsError(MissingReason, failure?.Detail ?? failure?.Arn ?? "no service returned", 200));
        }

        throw Unexpected(EcsOperations.DescribeServices, $"the failure {failure.Reason} ({failure.Detail ?? failure.Arn}) for service '{service}'");
    }

    public async Task<EcsTaskDefinition> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskDefinition);
        var response = await SendAsync<DescribeTaskDefinitionRequest, TaskDefinitionResponse>(
            EcsOperations.DescribeTaskDefinition, new DescribeTaskDefinitionRequest(taskDefinition, ["TAGS"]), null, null, cancellationToken);
        return ToTaskDefinition(EcsOperations.DescribeTaskDefinition, response);
    }

    public async Task<EcsTaskDefinition> RegisterTaskDefinitionAsync(JsonObject registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var response = await SendAsync<JsonObject, TaskDefinitionResponse>(EcsOperations.RegisterTaskDefinition, registration, null, null, cancellationToken);
        return ToTaskDefinition(EcsOperations.RegisterTaskDefinition, response);
    }

    public async Task<EcsServiceUpdate> UpdateServiceAsync(string cluster, string service, string taskDefinition, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskDefinition);
        var response = await SendAsync<UpdateServiceRequest, UpdateServiceResponse>(
            EcsOperations.UpdateService, new UpdateServiceRequest(cluster, service, taskDefinition), cluster, service, cancellationToken);
        var updated = ToService(EcsOperations.UpdateService, response.Service ?? throw Unexpected(EcsOperations.UpdateService, "no service"));
        var primary = updated.Primary;
        return new EcsServiceUpdate(updated, primary is not null && primary.TaskDefinition == taskDefinition ? primary.Id : null);
    }

    public async Task<EcsServiceUpdate> UpdateServiceAsync(
        string cluster, string service, string taskDefinition, EcsDeploymentSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskDefinition);
        ArgumentNullException.ThrowIfNull(settings);
        var strategy = settings.Strategy;
        var configuration = new DeploymentConfigurationRequest(
            strategy.Strategy,
            strategy.BakeTimeInMinutes,
            strategy.CanaryConfiguration,
            strategy.LinearConfiguration,
            strategy.Alarms,
            settings.CircuitBreaker,
            settings.MaximumPercent,
            settings.MinimumHealthyPercent,
            settings.LifecycleHooks);
        var request = new UpdateServiceRequest(cluster, service, taskDefinition, configuration, strategy.LoadBalancer is { } balancer ? [balancer] : null);
        var response = await SendAsync<UpdateServiceRequest, UpdateServiceResponse>(EcsOperations.UpdateService, request, cluster, service, cancellationToken);
        var updated = ToService(EcsOperations.UpdateService, response.Service ?? throw Unexpected(EcsOperations.UpdateService, "no service"));
        var primary = updated.Primary;
        return new EcsServiceUpdate(updated, primary is not null && primary.TaskDefinition == taskDefinition ? primary.Id : null);
    }

    public async Task<IReadOnlyList<EcsServiceDeploymentSummary>> ListServiceDeploymentsAsync(
        string cluster, string service, DateTimeOffset createdAfter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        var found = new List<EcsServiceDeploymentSummary>();
        string? nextToken = null;
        do
        {
            var request = new ListServiceDeploymentsRequest(cluster, service, new CreatedAtFilter(createdAfter.ToUnixTimeMilliseconds() / 1000.0), nextToken, MaxServiceDeploymentsPerPage);
            var page = await SendAsync<ListServiceDeploymentsRequest, ListServiceDeploymentsResponse>(EcsOperations.ListServiceDeployments, request, cluster, service, cancellationToken);
            found.AddRange((page.ServiceDeployments ?? []).Select(item => new EcsServiceDeploymentSummary(
                item.ServiceDeploymentArn ?? throw Unexpected(EcsOperations.ListServiceDeployments, "a service deployment without serviceDeploymentArn"),
                item.Status ?? "",
                AwsJson.FromEpochSeconds(item.CreatedAt))));
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));

        return found;
    }

    public async Task<EcsServiceDeploymentState> DescribeServiceDeploymentAsync(string serviceDeploymentArn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceDeploymentArn);
        var response = await SendAsync<DescribeServiceDeploymentsRequest, DescribeServiceDeploymentsResponse>(
            EcsOperations.DescribeServiceDeployments, new DescribeServiceDeploymentsRequest([serviceDeploymentArn]), null, null, cancellationToken);
        var wire = response.ServiceDeployments is { Count: > 0 } deployments
            ? deployments[0]
            : throw Unexpected(EcsOperations.DescribeServiceDeployments, $"no service deployment {serviceDeploymentArn} ({(response.Failures is { Count: > 0 } failures ? failures[0].Reason : null) ?? "no failure named"})");
        return new EcsServiceDeploymentState(
            wire.ServiceDeploymentArn ?? serviceDeploymentArn,
            wire.Status ?? "",
            wire.StatusReason,
            wire.LifecycleStage,
            wire.TargetServiceRevision is { } target ? ToRevision(target) : null,
            [.. (wire.SourceServiceRevisions ?? []).Select(ToRevision)],
            wire.Alarms is { } alarms ? new EcsDeploymentAlarms(alarms.Status, alarms.AlarmNames ?? [], alarms.TriggeredAlarmNames ?? []) : null,
            wire.Rollback?.Reason,
            AwsJson.FromEpochSeconds(wire.CreatedAt));
    }

    public async Task StopServiceDeploymentAsync(string serviceDeploymentArn, bool rollback, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceDeploymentArn);
        await SendAsync<StopServiceDeploymentRequest, StopServiceDeploymentResponse>(
            EcsOperations.StopServiceDeployment, new StopServiceDeploymentRequest(serviceDeploymentArn, rollback ? "ROLLBACK" : "ABORT"), null, null, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ListTasksAsync(EcsTaskFilter filter, int maxTasks = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTasks, 1);
        var arns = new List<string>();
        string? nextToken = null;
        do
        {
            var request = new ListTasksRequest(filter.Cluster, filter.Family, filter.StartedBy, filter.DesiredStatus, nextToken, Math.Min(MaxTasksPerPage, maxTasks - arns.Count));
            var page = await SendAsync<ListTasksRequest, ListTasksResponse>(EcsOperations.ListTasks, request, filter.Cluster, null, cancellationToken);
            arns.AddRange(page.TaskArns ?? []);
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken) && arns.Count < maxTasks);

        return arns.Count > maxTasks ? arns[..maxTasks] : arns;
    }

    public async Task<IReadOnlyList<EcsTask>> DescribeTasksAsync(string cluster, IReadOnlyCollection<string> taskArns, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        ArgumentNullException.ThrowIfNull(taskArns);
        var tasks = new List<EcsTask>();
        foreach (var batch in taskArns.Chunk(MaxTasksPerDescribe))
        {
            var response = await SendAsync<DescribeTasksRequest, DescribeTasksResponse>(
                EcsOperations.DescribeTasks, new DescribeTasksRequest(cluster, batch), cluster, null, cancellationToken);
            tasks.AddRange((response.Tasks ?? []).Select(ToTask));
        }

        return tasks;
    }

    public async Task<EcsRunTaskResult> RunTaskAsync(EcsRunTaskRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Cluster);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.TaskDefinition);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Container);
        var wire = new RunTaskRequest(
            request.Cluster,
            request.TaskDefinition,
            FargateLaunchType,
            1,
            new NetworkConfigurationWire(new AwsVpcConfigurationWire(request.Subnets, request.SecurityGroups, "DISABLED")),
            new TaskOverrideWire([new ContainerOverrideWire(request.Container, request.Command)]),
            request.StartedBy);
        var response = await SendAsync<RunTaskRequest, RunTaskResponse>(EcsOperations.RunTask, wire, request.Cluster, null, cancellationToken);
        var failures = (response.Failures ?? [])
            .Select(failure => string.IsNullOrWhiteSpace(failure.Detail) ? failure.Reason ?? "no reason" : $"{failure.Reason ?? "no reason"} ({failure.Detail})")
            .ToList();
        var task = response.Tasks is { Count: > 0 } tasks ? ToTask(tasks[0]) : null;
        return task is null && failures.Count == 0
            ? throw Unexpected(EcsOperations.RunTask, "neither a task nor a failure")
            : new EcsRunTaskResult(task, failures);
    }

    public async Task StopTaskAsync(string cluster, string taskArn, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskArn);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await SendAsync<StopTaskRequest, StopTaskResponse>(EcsOperations.StopTask, new StopTaskRequest(cluster, taskArn, reason), cluster, null, cancellationToken);
    }

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation, TRequest request, string? cluster, string? service, CancellationToken cancellationToken)
    {
        try
        {
            return await _aws.SendAsync<TRequest, TResponse>(operation, request, cancellationToken);
        }
        catch (AwsServiceException failure) when (failure is not AwsCredentialsRejectedException && failure.Error is { } error
                                                   && Translate(failure.Operation, error, cluster, service) is { } typed)
        {
            throw typed;
        }
    }

    private AwsServiceException? Translate(string operation, AwsError error, string? cluster, string? service) => error.Code switch
    {
        "ClusterNotFoundException" => new EcsClusterNotFoundException(
            $"ECS cluster '{cluster}' does not exist in {_aws.Settings.Region}: create it (terraform, target Apply) or check {AwsEnvironmentVariables.Region} and the name.",
            operation,
            error),
        "ServiceNotFoundException" => ServiceMissing(operation, cluster, service, error),
        "ServiceNotActiveException" => new EcsServiceNotFoundException(
            $"ECS service '{service}' in cluster '{cluster}' ({_aws.Settings.Region}) is not ACTIVE (deleted or being deleted): create it again (terraform, target Apply).",
            operation,
            error),
        _ => null,
    };

    private EcsServiceNotFoundException ServiceMissing(string operation, string? cluster, string? service, AwsError error) => new(
        $"ECS service '{service}' does not exist in cluster '{cluster}' ({_aws.Settings.Region}): create it (terraform, target Apply) or check {AwsEnvironmentVariables.Region} and the names.",
        operation,
        error);

    private static EcsService ToService(string operation, ServiceWire wire)
    {
        var breaker = wire.DeploymentConfiguration?.DeploymentCircuitBreaker;
        return new EcsService(
            wire.ServiceName ?? throw Unexpected(operation, "a service without serviceName"),
            wire.ServiceArn ?? "",
            wire.ClusterArn ?? "",
            wire.Status ?? "",
            wire.DesiredCount,
            wire.RunningCount,
            wire.PendingCount,
            wire.TaskDefinition ?? "",
            [.. (wire.Deployments ?? []).Select(deployment => ToDeployment(operation, deployment))],
            [.. (wire.Events ?? []).Select(item => new EcsServiceEvent(item.Id ?? "", AwsJson.FromEpochSeconds(item.CreatedAt), item.Message ?? ""))],
            breaker is null ? null : new EcsCircuitBreaker(breaker.Enable, breaker.Rollback),
            wire.DeploymentConfiguration?.MaximumPercent,
            wire.DeploymentConfiguration?.MinimumHealthyPercent);
    }

    private static EcsServiceDeployment ToDeployment(string operation, DeploymentWire wire) => new(
        wire.Id ?? throw Unexpected(operation, "a deployment without id"),
        wire.Status ?? "",
        wire.TaskDefinition ?? "",
        wire.RolloutState,
        wire.RolloutStateReason,
        wire.DesiredCount,
        wire.RunningCount,
        wire.PendingCount,
        wire.FailedTasks,
        AwsJson.FromEpochSeconds(wire.CreatedAt),
        AwsJson.FromEpochSeconds(wire.UpdatedAt));

    private static EcsServiceRevisionSummary ToRevision(ServiceRevisionSummaryWire wire) => new(
        wire.Arn ?? "", wire.RequestedTaskCount, wire.RunningTaskCount, wire.PendingTaskCount, wire.RequestedTestTrafficWeight, wire.RequestedProductionTrafficWeight);

    private static EcsTaskDefinition ToTaskDefinition(string operation, TaskDefinitionResponse response)
    {
        var definition = response.TaskDefinition ?? throw Unexpected(operation, "no taskDefinition");
        var described = new EcsTaskDefinition(definition, response.Tags ?? []);
        return string.IsNullOrEmpty(described.Arn) ? throw Unexpected(operation, "a taskDefinition without taskDefinitionArn") : described;
    }

    private static EcsTask ToTask(TaskWire wire) => new(
        wire.TaskArn ?? "",
        wire.TaskDefinitionArn,
        wire.LastStatus,
        wire.DesiredStatus,
        wire.StartedBy,
        wire.StoppedReason,
        wire.StopCode,
        AwsJson.FromEpochSeconds(wire.StoppedAt),
        [.. (wire.Containers ?? []).Select(container => new EcsTaskContainer(container.Name ?? "", container.ExitCode, container.Reason, container.LastStatus))],
        AwsJson.FromEpochSeconds(wire.StartedAt));

    private static AwsServiceException Unexpected(string operation, string what) =>
        new($"ECS {operation} returned {what}; the answer is not what the ECS API documents.");
}
