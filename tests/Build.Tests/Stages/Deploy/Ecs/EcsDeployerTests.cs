using System.Text.RegularExpressions;
using Build.Core.Secrets;
using Build.Stages.Deploy.Ecs;
using Build.Tests.Support;
using Build.Tests.Tools.Aws;
using Build.Tools.Aws.Ecs;
using Cake.Core;

namespace Build.Tests.Stages.Deploy.Ecs;

/// <summary>The ECS deploy against the fake ECS on a stepping clock: every wait is instant and every timing exact.</summary>
public sealed partial class EcsDeployerTests : IDisposable
{
    private const string Cluster = "app-dev";
    private const string ServiceName = "app-dev";
    private const string Version = "1.2.3";
    private const string NewArn = $"arn:aws:ecs:{FakeEcs.Region}:{FakeEcs.AccountId}:task-definition/app-dev:2";
    private static readonly string Image = $"{FakeEcs.AccountId}.dkr.ecr.{FakeEcs.Region}.amazonaws.com/app-dev@sha256:{new string('f', 64)}";
    private static readonly Uri Url = new("https://app-dev.example.org/");

    private readonly SteppingClock _clock = new();
    private readonly FakeEcs _ecs;
    private readonly FakeEcsService _service;
    private readonly string _previous;
    private readonly List<EcsProgress> _progress = [];
    private readonly List<(Uri Url, string? Version)> _smokeCalls = [];
    private Exception? _smokeFailure;

    public EcsDeployerTests()
    {
        _ecs = new FakeEcs(_clock);
        _previous = _ecs.AddTaskDefinition("app-dev", "app", "otel-collector");
        _service = _ecs.AddService(Cluster, ServiceName, _previous);
    }

    [Fact]
    public async Task A_rollout_that_completes_is_followed_to_COMPLETED_then_smoke_tested()
    {
        _service.ScriptNext(FakeEcsRollout.Completes(polls: 3));

        var deployment = await Deployer().DeployAsync(Request(), CancellationToken.None);

        Assert.Equal((Cluster, ServiceName, NewArn, _previous, Image, Version), (deployment.Cluster, deployment.Service, deployment.TaskDefinitionArn, deployment.PreviousTaskDefinitionArn, deployment.Image, deployment.Version));
        var primary = Assert.Single(_service.Deployments);
        Assert.Equal((primary.Id, NewArn, "COMPLETED"), (deployment.DeploymentId, primary.TaskDefinition, primary.RolloutState));
        var registration = Assert.Single(_ecs.Registrations);
        Assert.Equal(Image, registration["containerDefinitions"]![0]!["image"]!.GetValue<string>());
        Assert.Equal(_ecs.TaskDefinition(_previous)!["containerDefinitions"]![1]!.ToJsonString(), registration["containerDefinitions"]![1]!.ToJsonString());
        Assert.InRange(_ecs.ServedCountOf("DescribeServices"), 2, 3 + 1);
        Assert.Equal(3, deployment.Polls);
        Assert.Equal(
            new Dictionary<string, int> { ["DescribeServices"] = 4, ["DescribeTaskDefinition"] = 1, ["RegisterTaskDefinition"] = 1, ["UpdateService"] = 1 },
            deployment.ApiCalls);
        Assert.Equal(0, _ecs.CountOf("ListTasks"));
        Assert.Equal((Url, (string?)Version), Assert.Single(_smokeCalls));
        Assert.Equal(["/version reports 1.2.3 (0123abc)", "/ renders (200 text/html)"], deployment.Checks);
        // Polls at 0, 2 (nothing changed, so the next wait grows to 3) and 5 s.
        Assert.Equal(new EcsDeployTimings(TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.Zero, TimeSpan.FromSeconds(5)), deployment.Timings);
        var polls = _progress.Where(line => line.IsPoll).Select(line => line.Line).ToList();
        Assert.All(polls, line => Assert.Matches(PollLine(), line));
        Assert.Equal($"deployment {deployment.DeploymentId}: rollout IN_PROGRESS, 0/2 running, 2 pending, 0 failed, 0 s", polls[0]);
        Assert.Equal($"deployment {deployment.DeploymentId}: rollout COMPLETED, 2/2 running, 0 pending, 0 failed, 5 s", polls[^1]);
        Assert.Equal([true, false, true], _progress.Where(line => line.IsPoll).Select(line => line.Changed));
        Assert.Contains(_progress, line => line.Line == $"registered app-dev:2 (app = {Image}), replacing app-dev:1");
    }

    [Fact]
    public async Task A_circuit_breaker_rollback_fails_with_the_reason_the_events_and_the_stopped_tasks()
    {
        _service.ScriptNext(FakeEcsRollout.FailsWithRollback(polls: 2));

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.RolledBackByEcs, error.Kind);
        Assert.True(error.RolledBack);
        Assert.Equal((_previous, NewArn, _service.FailedDeploymentId), (error.RunningTaskDefinition, error.NewTaskDefinition, error.DeploymentId));
        Assert.StartsWith(
            $"Deploy of {Image} to ECS service app-dev/app-dev failed: deployment {_service.FailedDeploymentId} (app-dev:2) FAILED: ECS deployment circuit breaker: tasks failed to start.; the circuit breaker rolled back and the service is stable again on the old revision app-dev:1 (deployment {_service.Primary!.Id}); app-dev:1 runs again. Last events (newest first): ",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains($"(service app-dev) rolling back to deployment {_service.Primary.Id}.", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(service app-dev) (deployment {_service.FailedDeploymentId}) deployment failed: tasks failed to start.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Stopped tasks of app-dev:2 (newest first): ", error.Message, StringComparison.Ordinal);
        Assert.Contains(": Essential container in task exited (container app exit 1)", error.Message, StringComparison.Ordinal);
        Assert.Contains(": Task failed container health checks (container app exit 137)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.InRange(error.Message.Length, 200, 2500);
        Assert.Empty(_smokeCalls);
        Assert.Equal(1, _ecs.CountOf("ListTasks"));
        Assert.Equal(1, _ecs.CountOf("DescribeTasks"));
    }

    [Fact]
    public async Task A_FAILED_rollout_is_seen_by_the_first_poll_after_it_and_no_poll_more()
    {
        _service.ScriptNext(FakeEcsRollout.FailsWithRollback(polls: 4));

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(), CancellationToken.None));

        Assert.Equal(1, _service.PollsSinceFailed);
        Assert.Equal(_service.DeclaredFailedAt, error.DetectedAt);
        Assert.Equal(1 + 4, _ecs.ServedCountOf("DescribeServices"));
    }

    [Fact]
    public async Task A_failure_that_happens_between_polls_is_detected_within_the_longest_poll_interval()
    {
        // Nothing changes before the failure, so the interval has grown to its maximum (10 s) by then.
        _service.ScriptNext(FakeEcsRollout.FailsWithRollback() with { After = TimeSpan.FromSeconds(95) });

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(), CancellationToken.None));

        var latency = error.DetectedAt!.Value - _service.DeclaredFailedAt!.Value;
        Assert.InRange(latency, TimeSpan.Zero, EcsDeployOptions.Default.MaxPollInterval);
        Assert.Equal(TimeSpan.FromSeconds(1.25), latency);
        Assert.Equal(1, _service.PollsSinceFailed);
        Assert.Equal(EcsDeployFailureKind.RolledBackByEcs, error.Kind);
    }

    [Theory]
    [InlineData(false, "is gone and the service is stable again, but on the old revision app-dev:1")]
    [InlineData(true, "FAILED: ECS deployment circuit breaker: tasks failed to start.; the circuit breaker rolled back and the service is stable again on the old revision app-dev:1")]
    public async Task A_service_found_stable_again_on_the_old_revision_is_a_failure(bool oursInactive, string expected)
    {
        _service.ScriptNext(FakeEcsRollout.StableAfterRollback(polls: 2) with { OursInactiveAfterRollback = oursInactive });

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.RolledBackByEcs, error.Kind);
        Assert.True(error.RolledBack);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("(container app exit 1)", error.Message, StringComparison.Ordinal);
        Assert.Equal(_previous, _service.TaskDefinition);
        Assert.Empty(_smokeCalls);
    }

    [Fact]
    public async Task A_FAILED_rollout_without_a_circuit_breaker_rollback_says_nothing_rolled_it_back()
    {
        using var ecs = new FakeEcs(_clock);
        var previous = ecs.AddTaskDefinition("app-dev", "app");
        ecs.AddService(Cluster, ServiceName, previous, circuitBreakerRollback: false).ScriptNext(FakeEcsRollout.FailsWithRollback());

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer(ecs).DeployAsync(Request(), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.RolloutFailed, error.Kind);
        Assert.False(error.RolledBack);
        Assert.Contains("FAILED: ECS deployment circuit breaker: tasks failed to start.; no rollback: the service's PRIMARY deployment is ", error.Message, StringComparison.Ordinal);
        Assert.Contains("; check the service in the ECS console. Last events", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deployment_replaced_by_someone_else_is_a_failure_naming_theirs()
    {
        _service.ScriptNext(FakeEcsRollout.Superseded(polls: 2));

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.DeploymentGone, error.Kind);
        Assert.Contains($"is gone; the service's PRIMARY deployment is {_service.Primary!.Id} (someone-else:1, COMPLETED): another deploy replaced it; check who else deploys this service.", error.Message, StringComparison.Ordinal);
        Assert.Empty(_smokeCalls);
    }

    [Fact]
    public async Task A_rollout_that_never_settles_times_out_after_polls_that_grew_to_the_maximum_interval()
    {
        _service.ScriptNext(FakeEcsRollout.NeverSettles());

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(timeout: TimeSpan.FromSeconds(120)), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.TimedOut, error.Kind);
        Assert.False(error.RolledBack);
        Assert.Equal(TimeSpan.FromSeconds(120), _clock.Elapsed);
        // Polls at 0, 2, 5, 9.5, 16.25, then every 10 s to 116.25, and a last one at the deadline.
        Assert.Equal(1 + 16, _ecs.ServedCountOf("DescribeServices"));
        Assert.StartsWith(
            $"Deploy of {Image} to ECS service app-dev/app-dev failed: deployment {error.DeploymentId} did not complete within 120 s (16 polls; last: rollout IN_PROGRESS, 1/2 running, 1 pending, 0 failed); ECS goes on with it, and its circuit breaker rolls it back if its tasks keep failing; raise the deploy timeout if rollouts are this slow. Last events (newest first): ",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("Essential container in task exited (container app exit 1)", error.Message, StringComparison.Ordinal);
        Assert.Empty(_smokeCalls);
    }

    [Fact]
    public async Task A_throttling_burst_in_the_middle_of_the_rollout_is_survived()
    {
        // Six throttled DescribeServices after the first poll: the client's four attempts are used up once (a poll
        // with no answer, tolerated), then two more are retried within the next poll.
        _service.ScriptNext(FakeEcsRollout.Completes(polls: 3) with { ThrottleAfterPoll = 1, Throttles = 6 });

        var deployment = await Deployer().DeployAsync(Request(), CancellationToken.None);

        Assert.Equal(NewArn, _service.TaskDefinition);
        Assert.Equal(1 + 3, _ecs.ServedCountOf("DescribeServices"));
        Assert.Equal(1 + 3 + 6, _ecs.CountOf("DescribeServices"));
        Assert.Contains(_progress, line => line.Line == "poll 2 got no answer (ThrottlingException); polling on");
        Assert.Equal(4, deployment.Polls);
    }

    [Fact]
    public async Task A_missing_service_fails_at_once_naming_cluster_service_and_Apply()
    {
        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(service: "nope"), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.ServiceMissing, error.Kind);
        Assert.Equal(
            "Deploy to ECS service app-dev/nope failed: ECS service 'nope' does not exist in cluster 'app-dev' (eu-west-1): create it (terraform, target Apply) or check AWS_REGION and the names.",
            error.Message);
        Assert.Equal(["DescribeServices"], _ecs.Requests.Select(request => request.Operation));
    }

    [Fact]
    public async Task A_missing_cluster_or_a_deleted_service_fails_the_same_way()
    {
        var cluster = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request() with { Cluster = "nope" }, CancellationToken.None));
        _service.Status = "INACTIVE";
        var deleted = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.ServiceMissing, cluster.Kind);
        Assert.StartsWith("Deploy to ECS service nope/app-dev failed: ECS cluster 'nope' does not exist in eu-west-1: create it (terraform, target Apply)", cluster.Message, StringComparison.Ordinal);
        Assert.Equal("Deploy to ECS service app-dev/app-dev failed: the service is INACTIVE (deleted or being deleted): create it again (terraform, target Apply).", deleted.Message);
        Assert.Equal(0, _ecs.CountOf("RegisterTaskDefinition"));
    }

    [Fact]
    public async Task Another_deployment_in_progress_is_refused_before_anything_is_registered()
    {
        var theirs = _ecs.AddTaskDefinition("app-dev", "app");
        var foreign = _ecs.StartForeignDeployment(_service, theirs, TimeSpan.FromMinutes(12));

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.Refused, error.Kind);
        Assert.Equal(
            $"Deploy to ECS service app-dev/app-dev refused: deployment {foreign.Id} (PRIMARY, task definition app-dev:2) is in progress since 1969-12-31 23:48:00Z, 12 min ago, 1/2 running; one deploy per environment at a time: wait for it to complete or fail, then deploy again.",
            error.Message);
        Assert.Equal(["DescribeServices"], _ecs.Requests.Select(request => request.Operation));
        Assert.Equal(0, _ecs.CountOf("RegisterTaskDefinition"));
    }

    [Fact]
    public async Task An_image_by_tag_is_refused_before_any_call()
    {
        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(image: "app-dev:1.2.3"), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.Refused, error.Kind);
        Assert.Empty(_ecs.Requests);
    }

    [Fact]
    public async Task A_container_the_task_definition_does_not_have_is_refused_before_registering()
    {
        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(container: "web"), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.Refused, error.Kind);
        Assert.Equal("Task definition app-dev:1 has no container named 'web' (its containers: app, otel-collector): deploy with the container name the service's task definition uses.", error.Message);
        Assert.Equal(0, _ecs.CountOf("RegisterTaskDefinition"));
        Assert.Equal(0, _ecs.CountOf("UpdateService"));
    }

    [Fact]
    public async Task A_failed_smoke_test_rolls_the_service_back_to_the_previous_revision_and_still_fails()
    {
        _smokeFailure = new CakeException("/version reports 1.2.2, not 1.2.3: the container runs another build");

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.SmokeFailed, error.Kind);
        Assert.True(error.RolledBack);
        Assert.Equal(_previous, _service.TaskDefinition);
        var primary = Assert.Single(_service.Deployments);
        Assert.Equal((_previous, "COMPLETED"), (primary.TaskDefinition, primary.RolloutState));
        Assert.Equal([NewArn, _previous], _ecs.Requests.Where(request => request.Operation == "UpdateService").Select(request => request.Body!["taskDefinition"]!.GetValue<string>()));
        Assert.Equal(_previous, error.RunningTaskDefinition);
        Assert.Equal(
            $"Deploy of {Image} to ECS service app-dev/app-dev failed after its rollout completed: smoke test failed: /version reports 1.2.2, not 1.2.3: the container runs another build; rolled back: {_previous} runs again (deployment {primary.Id}, 2 s)",
            error.Message);
        Assert.Contains(_progress, line => line.Line == "smoke test failed: /version reports 1.2.2, not 1.2.3: the container runs another build; rolling app-dev/app-dev back to app-dev:1");
    }

    [Fact]
    public async Task A_rollback_that_fails_too_says_so_and_what_runs()
    {
        _smokeFailure = new CakeException("smoke test failed: Connection refused (app-dev.example.org:443)");
        _service.ScriptNext(FakeEcsRollout.Completes()).ScriptNext(FakeEcsRollout.FailsWithRollback());

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.SmokeFailed, error.Kind);
        Assert.False(error.RolledBack);
        Assert.Equal(NewArn, _service.TaskDefinition);
        Assert.Equal(NewArn, error.RunningTaskDefinition);
        Assert.StartsWith(
            $"Deploy of {Image} to ECS service app-dev/app-dev failed after its rollout completed: smoke test failed: Connection refused (app-dev.example.org:443); rollback failed too: deployment {_service.FailedDeploymentId} (app-dev:1) FAILED: ECS deployment circuit breaker: tasks failed to start.; the circuit breaker rolled back and the service is stable again on the old revision app-dev:2",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains($"the service's PRIMARY runs {NewArn}. Last events (newest first):", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _ecs.Dispose();

    private EcsDeployer Deployer(FakeEcs? ecs = null) =>
        new(new EcsClient((ecs ?? _ecs).Settings(), new SecretRegistry(), new CapturingLog()), SmokeAsync, _progress.Add, _clock);

    private static EcsDeployRequest Request(string? image = null, string container = "app", string service = ServiceName, TimeSpan? timeout = null) =>
        new(Cluster, service, container, image ?? Image, Version, Url, timeout ?? TimeSpan.FromMinutes(10));

    private Task<IReadOnlyList<string>> SmokeAsync(Uri url, string? version, CancellationToken cancellation)
    {
        _smokeCalls.Add((url, version));
        return _smokeFailure is null
            ? Task.FromResult<IReadOnlyList<string>>([$"/version reports {version} (0123abc)", "/ renders (200 text/html)"])
            : Task.FromException<IReadOnlyList<string>>(_smokeFailure);
    }

    [GeneratedRegex(@"^deployment ecs-svc/[0-9]{19}: rollout (IN_PROGRESS|COMPLETED|FAILED), [0-9]+/[0-9]+ running, [0-9]+ pending, [0-9]+ failed, [0-9]+ s$")]
    private static partial Regex PollLine();
}
