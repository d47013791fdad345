using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Build.Core.Secrets;
using Build.Tools.Aws;
using Build.Tools.Aws.Ecs;

namespace Build.Tests.Tools.Aws;

public sealed partial class EcsClientTests : IDisposable
{
    private const string Cluster = "app-dev";
    private const string ServiceName = "app-dev";

    private readonly FakeEcs _ecs = new();
    private readonly CapturingLog _log = new();
    private readonly string _taskDefinition;

    public EcsClientTests()
    {
        _taskDefinition = _ecs.AddTaskDefinition("app-dev", "app", "otel-collector");
        _ecs.AddService(Cluster, ServiceName, _taskDefinition);
    }

    [Fact]
    public async Task Every_request_is_a_SigV4_signed_JSON_1_1_POST_for_ecs_that_the_fake_verified()
    {
        await Client().DescribeServiceAsync(Cluster, ServiceName);

        var request = Assert.Single(_ecs.Requests);
        Assert.Null(request.Rejection);
        Assert.Equal(1, _ecs.VerifiedSignatures);
        Assert.Equal("DescribeServices", request.Operation);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Matches(
            $"^AWS4-HMAC-SHA256 Credential={FakeEcs.AccessKey}/{request.AmzDate![..8]}/{FakeEcs.Region}/ecs/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=[0-9a-f]{{64}}$",
            request.Authorization);
        Assert.Equal("""{"cluster":"app-dev","services":["app-dev"]}""", request.Body!.ToJsonString());
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_is_refused_and_not_retried()
    {
        var wrong = new Amazon.Runtime.BasicAWSCredentials(FakeEcs.AccessKey, "not/the/secret/key/of/the/fake/ECS/0000000");

        var error = await Assert.ThrowsAsync<AwsCredentialsRejectedException>(() => new EcsClient(_ecs.Settings(wrong), new SecretRegistry(), _log).DescribeServiceAsync(Cluster, ServiceName));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(0, _ecs.VerifiedSignatures);
        Assert.Equal(1, _ecs.CountOf("DescribeServices"));
    }

    [Fact]
    public async Task DescribeServices_reads_counts_deployments_events_and_the_circuit_breaker()
    {
        var service = await Client().DescribeServiceAsync(Cluster, ServiceName);

        Assert.Equal((ServiceName, "ACTIVE", 2, 2, 0, _taskDefinition), (service.Name, service.Status, service.DesiredCount, service.RunningCount, service.PendingCount, service.TaskDefinition));
        Assert.Equal($"arn:aws:ecs:{FakeEcs.Region}:{FakeEcs.AccountId}:service/{Cluster}/{ServiceName}", service.Arn);
        var primary = Assert.Single(service.Deployments);
        Assert.Same(primary, service.Primary);
        Assert.Matches(DeploymentId(), primary.Id);
        Assert.Equal(("PRIMARY", "COMPLETED", _taskDefinition, 2, 2, 0, 0), (primary.Status, primary.RolloutState, primary.TaskDefinition, primary.DesiredCount, primary.RunningCount, primary.PendingCount, primary.FailedTasks));
        Assert.NotNull(primary.CreatedAt);
        Assert.Equal(new EcsCircuitBreaker(Enable: true, Rollback: true), service.CircuitBreaker);
        Assert.Equal($"(service {ServiceName}) has reached a steady state.", Assert.Single(service.Events).Message);
    }

    [Fact]
    public async Task A_service_reported_MISSING_is_a_typed_error_naming_cluster_service_and_Apply()
    {
        var error = await Assert.ThrowsAsync<EcsServiceNotFoundException>(() => Client().DescribeServiceAsync(Cluster, "nope"));

        Assert.Equal("ECS service 'nope' does not exist in cluster 'app-dev' (eu-west-1): create it (terraform, target Apply) or check AWS_REGION and the names.", error.Message);
        Assert.Equal("MISSING", error.ErrorCode);
        Assert.Equal(1, _ecs.CountOf("DescribeServices"));
    }

    [Fact]
    public async Task A_missing_cluster_is_a_typed_error()
    {
        var error = await Assert.ThrowsAsync<EcsClusterNotFoundException>(() => Client().DescribeServiceAsync("nope", ServiceName));

        Assert.Equal("ECS cluster 'nope' does not exist in eu-west-1: create it (terraform, target Apply) or check AWS_REGION and the name.", error.Message);
        Assert.Equal("ClusterNotFoundException", error.ErrorCode);
    }

    [Fact]
    public async Task UpdateService_of_a_missing_or_deleted_service_is_a_typed_error()
    {
        _ecs.Service(Cluster, ServiceName).Status = "INACTIVE";

        var missing = await Assert.ThrowsAsync<EcsServiceNotFoundException>(() => Client().UpdateServiceAsync(Cluster, "nope", _taskDefinition));
        var inactive = await Assert.ThrowsAsync<EcsServiceNotFoundException>(() => Client().UpdateServiceAsync(Cluster, ServiceName, _taskDefinition));

        Assert.Equal("ServiceNotFoundException", missing.ErrorCode);
        Assert.StartsWith("ECS service 'nope' does not exist in cluster 'app-dev'", missing.Message, StringComparison.Ordinal);
        Assert.Equal("ServiceNotActiveException", inactive.ErrorCode);
        Assert.Equal("ECS service 'app-dev' in cluster 'app-dev' (eu-west-1) is not ACTIVE (deleted or being deleted): create it again (terraform, target Apply).", inactive.Message);
    }

    [Fact]
    public async Task DescribeTaskDefinition_returns_every_field_as_JSON_with_the_tags()
    {
        var described = await Client().DescribeTaskDefinitionAsync(_taskDefinition);

        Assert.Equal(_taskDefinition, described.Arn);
        Assert.Equal(("app-dev", 1, "app-dev:1"), (described.Family, described.Revision, described.ToString()));
        Assert.Equal(["app", "otel-collector"], described.ContainerNames);
        Assert.EndsWith("@sha256:" + new string('a', 64), described.ImageOf("app"), StringComparison.Ordinal);
        Assert.Null(described.ImageOf("nope"));
        Assert.True(JsonNode.DeepEquals(_ecs.TaskDefinition(_taskDefinition), described.Definition));
        Assert.Equal("""[{"key":"Service","value":"app-dev"},{"key":"ManagedBy","value":"terraform"}]""", described.Tags.ToJsonString());
        Assert.Equal($$"""{"taskDefinition":"{{_taskDefinition}}","include":["TAGS"]}""", _ecs.Requests[0].Body!.ToJsonString());
    }

    [Fact]
    public async Task RegisterTaskDefinition_sends_the_JSON_as_given_and_returns_the_new_revision()
    {
        var registration = new JsonObject
        {
            ["family"] = "app-dev",
            ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "repo@sha256:" + new string('b', 64), ["cpu"] = 0 }),
            ["cpu"] = "256",
            ["memory"] = "512",
        };

        var registered = await Client().RegisterTaskDefinitionAsync(registration);

        Assert.Equal($"arn:aws:ecs:{FakeEcs.Region}:{FakeEcs.AccountId}:task-definition/app-dev:2", registered.Arn);
        Assert.Equal(2, registered.Revision);
        Assert.Equal(registration.ToJsonString(), Assert.Single(_ecs.Registrations).ToJsonString());
    }

    [Fact]
    public async Task A_refused_registration_is_one_line_naming_the_operation()
    {
        var registration = new JsonObject { ["family"] = "app-dev", ["containerDefinitions"] = new JsonArray(), ["revision"] = 3 };

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client().RegisterTaskDefinitionAsync(registration));

        Assert.Equal("ECS RegisterTaskDefinition failed (ClientException: Unknown parameter in input: \"revision\", must be one of the RegisterTaskDefinition parameters.).", error.Message);
        Assert.Equal(1, _ecs.CountOf("RegisterTaskDefinition"));
    }

    [Fact]
    public async Task UpdateService_returns_the_PRIMARY_deployment_it_started()
    {
        var next = _ecs.AddTaskDefinition("app-dev", "app");

        var update = await Client().UpdateServiceAsync(Cluster, ServiceName, next);

        Assert.Equal($$"""{"cluster":"app-dev","service":"app-dev","taskDefinition":"{{next}}"}""", _ecs.Requests[0].Body!.ToJsonString());
        Assert.NotNull(update.DeploymentId);
        Assert.Matches(DeploymentId(), update.DeploymentId);
        var primary = update.Service.Primary!;
        Assert.Equal((update.DeploymentId, next, "IN_PROGRESS"), (primary.Id, primary.TaskDefinition, primary.RolloutState));
        Assert.Equal(2, update.Service.Deployments.Count);
        Assert.Equal(("ACTIVE", _taskDefinition), (update.Service.Deployments[1].Status, update.Service.Deployments[1].TaskDefinition));
    }

    [Fact]
    public async Task UpdateService_to_what_already_runs_starts_no_deployment_and_names_the_running_one()
    {
        var update = await Client().UpdateServiceAsync(Cluster, ServiceName, _taskDefinition);

        Assert.Single(update.Service.Deployments);
        Assert.Equal(update.Service.Primary!.Id, update.DeploymentId);
    }

    [Fact]
    public async Task Stopped_tasks_of_a_family_are_listed_over_pages_and_described_with_their_containers()
    {
        for (var i = 0; i < 3; i++)
        {
            _ecs.AddStoppedTask(Cluster, _taskDefinition, "ecs-svc/1", new FakeEcsStoppedTask("Essential container in task exited", 139, "OutOfMemoryError: Container killed due to memory usage"));
        }

        var other = _ecs.AddTaskDefinition("worker", "worker");
        _ecs.AddStoppedTask(Cluster, other, "ecs-svc/2", new FakeEcsStoppedTask("Scaling activity initiated by deployment", 0, null));

        var arns = await Client().ListTasksAsync(EcsTaskFilter.ByFamily(Cluster, "app-dev"), maxTasks: 10);
        var tasks = await Client().DescribeTasksAsync(Cluster, arns);

        Assert.Equal(3, arns.Count);
        Assert.Equal("""{"cluster":"app-dev","family":"app-dev","desiredStatus":"STOPPED","maxResults":10}""", _ecs.Requests[0].Body!.ToJsonString());
        Assert.Equal(3, tasks.Count);
        var task = tasks[0];
        Assert.Equal((_taskDefinition, "STOPPED", "ecs-svc/1", "Essential container in task exited"), (task.TaskDefinitionArn, task.LastStatus, task.StartedBy, task.StoppedReason));
        Assert.Equal(32, task.Id.Length);
        var container = Assert.Single(task.Containers);
        Assert.Equal(("app", (int?)139, "OutOfMemoryError: Container killed due to memory usage"), (container.Name, container.ExitCode, container.Reason));
    }

    [Fact]
    public async Task ListTasks_follows_nextToken_up_to_the_most_asked_for()
    {
        for (var i = 0; i < 250; i++)
        {
            _ecs.AddStoppedTask(Cluster, _taskDefinition, "ecs-svc/1", new FakeEcsStoppedTask("Essential container in task exited", 1, null));
        }

        var all = await Client().ListTasksAsync(EcsTaskFilter.ByFamily(Cluster, "app-dev"), maxTasks: 1000);
        var few = await Client().ListTasksAsync(EcsTaskFilter.ByFamily(Cluster, "app-dev"), maxTasks: 120);

        Assert.Equal(250, all.Count);
        Assert.Equal(250, all.Distinct().Count());
        Assert.Equal(120, few.Count);
        Assert.Equal(5, _ecs.CountOf("ListTasks"));
    }

    [Fact]
    public async Task ListTasks_by_starter_sends_startedBy_alone()
    {
        _ecs.AddStoppedTask(Cluster, _taskDefinition, "ecs-svc/1", new FakeEcsStoppedTask("Essential container in task exited", 1, null));

        var running = await Client().ListTasksAsync(EcsTaskFilter.ByStarter(Cluster, "ecs-svc/1"));

        Assert.Empty(running);
        Assert.Equal("""{"cluster":"app-dev","startedBy":"ecs-svc/1","maxResults":100}""", _ecs.Requests[0].Body!.ToJsonString());
    }

    [Fact]
    public async Task Throttling_is_retried_until_the_call_succeeds()
    {
        _ecs.Throttle(3, "DescribeServices");

        var service = await Client().DescribeServiceAsync(Cluster, ServiceName);

        Assert.Equal(ServiceName, service.Name);
        Assert.Equal(4, _ecs.CountOf("DescribeServices"));
        Assert.Equal(1, _ecs.ServedCountOf("DescribeServices"));
        var retries = _log.Lines.Where(line => line.Contains("retry", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, retries.Count);
        Assert.Matches(@"^Warning: ECS DescribeServices failed \(ThrottlingException: no message\); retry 1 of 4 in 0\.0[0-9] s\.$", retries[0]);
    }

    [Fact]
    public async Task Throttling_past_the_last_attempt_is_one_line_saying_so()
    {
        _ecs.Throttle(10);

        var error = await Assert.ThrowsAsync<AwsRetriesExhaustedException>(() => Client(maxAttempts: 3).DescribeTaskDefinitionAsync(_taskDefinition));

        Assert.Equal(3, error.Attempts);
        Assert.Matches(@"^ECS DescribeTaskDefinition still failed after 3 attempt\(s\) in [0-9]+\.[0-9] s \(ThrottlingException: no message\): AWS is throttling or unavailable; retry later\.$", error.Message);
    }

    [Fact]
    public void The_endpoint_comes_from_AWS_ENDPOINT_URL_ECS_before_AWS_ENDPOINT_URL()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
            ["AWS_ENDPOINT_URL_ECS"] = "http://127.0.0.1:4567",
        };

        var specific = AwsSettings.FromEnvironment(AwsService.Ecs, name => variables.GetValueOrDefault(name));
        variables.Remove("AWS_ENDPOINT_URL_ECS");
        var general = AwsSettings.FromEnvironment(AwsService.Ecs, name => variables.GetValueOrDefault(name));
        variables.Remove("AWS_ENDPOINT_URL");
        var regional = AwsSettings.FromEnvironment(AwsService.Ecs, name => variables.GetValueOrDefault(name));

        Assert.Equal(new Uri("http://127.0.0.1:4567/"), specific.Endpoint);
        Assert.Equal("from AWS_ENDPOINT_URL_ECS", specific.EndpointSource);
        Assert.Equal(new Uri("http://127.0.0.1:4566/"), general.Endpoint);
        Assert.Equal(new Uri("https://ecs.eu-west-1.amazonaws.com/"), regional.Endpoint);
    }

    public void Dispose() => _ecs.Dispose();

    private EcsClient Client(int maxAttempts = 5) => new(_ecs.Settings(maxAttempts: maxAttempts), new SecretRegistry(), _log);

    [GeneratedRegex("^ecs-svc/[0-9]{19}$")]
    private static partial Regex DeploymentId();
}
