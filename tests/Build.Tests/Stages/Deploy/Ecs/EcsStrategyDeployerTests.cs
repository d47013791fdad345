using Build.Core.Secrets;
using Build.Stages.Deploy.Ecs;
using Build.Tests.Support;
using Build.Tests.Tools.Aws;
using Build.Tools.Aws.Ecs;
using Cake.Core;

namespace Build.Tests.Stages.Deploy.Ecs;

/// <summary>
/// The ECS deploy with an environment's strategy (BLUE_GREEN, CANARY, LINEAR, ROLLING) against the fake ECS on a
/// stepping clock: what UpdateService sends, how the service deployment is followed and judged, the test-traffic gate.
/// </summary>
public sealed class EcsStrategyDeployerTests : IDisposable
{
    private const string Cluster = "app-dev";
    private const string ServiceName = "app-dev";
    private const string Version = "1.2.3";
    private const string NewArn = $"arn:aws:ecs:{FakeEcs.Region}:{FakeEcs.AccountId}:task-definition/app-dev:2";
    private const string Blue = $"arn:aws:elasticloadbalancing:{FakeEcs.Region}:{FakeEcs.AccountId}:targetgroup/app-dev/0a1b";
    private const string Green = $"arn:aws:elasticloadbalancing:{FakeEcs.Region}:{FakeEcs.AccountId}:targetgroup/app-dev-alt/2c3d";
    private const string ProductionRule = $"arn:aws:elasticloadbalancing:{FakeEcs.Region}:{FakeEcs.AccountId}:listener-rule/app/app-dev/1/2/3";
    private const string TestRule = $"arn:aws:elasticloadbalancing:{FakeEcs.Region}:{FakeEcs.AccountId}:listener-rule/app/app-dev/1/4/5";
    private const string Role = $"arn:aws:iam::{FakeEcs.AccountId}:role/app-dev-ecs-infrastructure";
    private static readonly string Image = $"{FakeEcs.AccountId}.dkr.ecr.{FakeEcs.Region}.amazonaws.com/app-dev@sha256:{new string('f', 64)}";
    private static readonly Uri Url = new("https://app-dev.example.org/");
    private static readonly Uri TestUrl = new("http://app-dev.example.org:8081/");

    private readonly SteppingClock _clock = new();
    private readonly FakeEcs _ecs;
    private readonly FakeEcsService _service;
    private readonly string _previous;
    private readonly List<EcsProgress> _progress = [];
    private readonly List<(Uri Url, string? Stage, double Production)> _smokeCalls = [];
    private Exception? _testListenerFailure;

    public EcsStrategyDeployerTests()
    {
        _ecs = new FakeEcs(_clock);
        _previous = _ecs.AddTaskDefinition("app-dev", "app");
        _service = _ecs.AddService(Cluster, ServiceName, _previous);
    }

    public static EcsStrategySettings Canary(int percent = 10) => new(
        EcsDeploymentStrategy.Canary,
        BakeTimeInMinutes: 10,
        CanaryConfiguration: new EcsCanaryConfiguration(percent, 5),
        Alarms: new EcsAlarmConfiguration(["app-dev-target-5xx", "app-dev-unhealthy-hosts"], Enable: true, Rollback: true),
        LoadBalancer: LoadBalancer());

    public static EcsStrategySettings BlueGreen() => new(EcsDeploymentStrategy.BlueGreen, BakeTimeInMinutes: 5, LoadBalancer: LoadBalancer());

    [Fact]
    public async Task A_canary_goes_through_its_traffic_steps_to_SUCCESSFUL_with_the_test_listener_checked_before_production_traffic_moves()
    {
        var deployment = await Deployer().DeployAsync(Request(Canary()), CancellationToken.None);

        Assert.Equal(NewArn, _service.TaskDefinition);
        Assert.Equal("CANARY", deployment.Strategy);
        Assert.Equal([10.0, 100.0], deployment.ProductionTrafficSteps);
        var played = Assert.Single(_ecs.ServiceDeployments);
        Assert.Equal("SUCCESSFUL", played.Status);
        Assert.Equal(played.Arn, deployment.DeploymentId);
        var update = _service.LastUpdate!;
        Assert.Equal(NewArn, update["taskDefinition"]!.GetValue<string>());
        var configuration = update["deploymentConfiguration"]!;
        Assert.Equal(
            """{"strategy":"CANARY","bakeTimeInMinutes":10,"canaryConfiguration":{"canaryPercent":10,"canaryBakeTimeInMinutes":5},"alarms":{"alarmNames":["app-dev-target-5xx","app-dev-unhealthy-hosts"],"enable":true,"rollback":true},"deploymentCircuitBreaker":{"enable":true,"rollback":true},"maximumPercent":200,"minimumHealthyPercent":100}""",
            configuration.ToJsonString());
        Assert.Equal(
            $$$"""[{"targetGroupArn":"{{{Blue}}}","containerName":"app","containerPort":8080,"advancedConfiguration":{"alternateTargetGroupArn":"{{{Green}}}","productionListenerRule":"{{{ProductionRule}}}","testListenerRule":"{{{TestRule}}}","roleArn":"{{{Role}}}"}}]""",
            update["loadBalancers"]!.ToJsonString());
        // The gate ran on the test listener while no production traffic reached the new revision; the production smoke test after SUCCESSFUL.
        Assert.Equal([(TestUrl, "TEST_TRAFFIC_SHIFT", 0.0), (Url, "CLEAN_UP", 100.0)], _smokeCalls);
        var polls = _progress.Where(line => line.IsPoll).Select(line => line.Line).ToList();
        Assert.Contains(polls, line => line.Contains("CANARY IN_PROGRESS, PRODUCTION_TRAFFIC_SHIFT, production 10% new / 90% old, test 100% new, 2/2 new tasks running", StringComparison.Ordinal));
        Assert.Contains(polls, line => line.Contains("CANARY IN_PROGRESS, BAKE_TIME, production 100% new / 0% old", StringComparison.Ordinal));
        var steps = _progress.Where(line => !line.IsPoll).Select(line => line.Line).ToList();
        Assert.Contains("production traffic: 10% on the new revision (PRODUCTION_TRAFFIC_SHIFT)", steps);
        Assert.Contains("production traffic: 100% on the new revision (PRODUCTION_TRAFFIC_SHIFT)", steps);
        Assert.Contains($"app-dev/app-dev now deploys app-dev:2 (CANARY: 10% for 5 min, then the rest; bake 10 min; alarms app-dev-target-5xx, app-dev-unhealthy-hosts (roll back)); test-traffic gate by polling (no lifecycle hook recorded by Apply: nothing holds production traffic for the smoke test)", steps);
        Assert.Equal(0, _ecs.CountOf("StopServiceDeployment"));
        // DescribeServices: before the update (one deploy at a time) and after the verdict (what runs now).
        Assert.Equal(2, _ecs.CountOf("DescribeServices"));
    }

    [Fact]
    public async Task An_alarm_during_bake_time_rolls_back_and_fails_naming_the_alarm()
    {
        _service.ScriptNextLifecycle(FakeEcsLifecycle.AlarmDuring("BAKE_TIME"));

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(Canary()), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.RolledBackByEcs, error.Kind);
        Assert.True(error.RolledBack);
        Assert.Equal(_previous, _service.TaskDefinition);
        Assert.Equal(_previous, error.RunningTaskDefinition);
        var played = Assert.Single(_ecs.ServiceDeployments);
        Assert.Equal("ROLLBACK_SUCCESSFUL", played.Status);
        Assert.StartsWith(
            $"Deploy of {Image} to ECS service app-dev/app-dev failed: CANARY deployment {EcsLifecycleWatcher.ShortName(played.Arn)} was rolled back (ROLLBACK_SUCCESSFUL): alarm in ALARM: app-dev-target-5xx; rollback reason: CloudWatch alarm app-dev-target-5xx went into ALARM during BAKE_TIME.; Service deployment rolled back.; production traffic had reached 100% on the new revision; app-dev:1 runs again.",
            error.Message,
            StringComparison.Ordinal);
        Assert.Equal(0, _ecs.CountOf("StopServiceDeployment"));
        Assert.DoesNotContain(_smokeCalls, call => call.Url == Url);
    }

    [Fact]
    public async Task A_blue_green_whose_test_listener_smoke_test_fails_is_stopped_with_a_rollback_before_production_traffic_moves()
    {
        _testListenerFailure = new CakeException("/version reports 1.2.2, not 1.2.3: the container runs another build");

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(BlueGreen()), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.TestTrafficFailed, error.Kind);
        Assert.True(error.RolledBack);
        var played = Assert.Single(_ecs.ServiceDeployments);
        Assert.Equal(("ROLLBACK", "ROLLBACK_SUCCESSFUL", 0.0), (played.StoppedWith, played.Status, played.MaxProductionWeight));
        Assert.DoesNotContain("PRODUCTION_TRAFFIC_SHIFT", played.Stages);
        Assert.Equal(_previous, _service.TaskDefinition);
        Assert.Equal([(TestUrl, "TEST_TRAFFIC_SHIFT", 0.0)], _smokeCalls);
        Assert.Contains(
            $"failed: smoke test on the test listener failed in TEST_TRAFFIC_SHIFT: {TestUrl}: /version reports 1.2.2, not 1.2.3: the container runs another build; BLUE_GREEN deployment {EcsLifecycleWatcher.ShortName(played.Arn)} was rolled back (ROLLBACK_SUCCESSFUL)",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("production traffic never moved to the new revision; app-dev:1 runs again.", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _ecs.CountOf("StopServiceDeployment"));
    }

    [Fact]
    public async Task A_refused_stop_is_said_and_a_deployment_that_then_succeeds_still_fails_the_deploy()
    {
        _testListenerFailure = new CakeException("/ answered 502");
        _ecs.FailNext(1, 400, "ConflictException", "The service deployment cannot be stopped now.", "StopServiceDeployment");

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(BlueGreen()), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.TestTrafficFailed, error.Kind);
        Assert.False(error.RolledBack);
        Assert.Equal("SUCCESSFUL", Assert.Single(_ecs.ServiceDeployments).Status);
        Assert.Contains("went on to SUCCESSFUL before the rollback took hold: the new revision serves production", error.Message, StringComparison.Ordinal);
        Assert.Contains(_progress, line => line.Line.StartsWith("StopServiceDeployment of ", StringComparison.Ordinal) && line.Line.Contains("was refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_alarm_ECS_does_not_roll_back_is_stopped_by_the_deploy_with_a_rollback()
    {
        _service.ScriptNextLifecycle(FakeEcsLifecycle.AlarmDuring("PRODUCTION_TRAFFIC_SHIFT", "app-dev-unhealthy-hosts") with { AlarmRollsBack = false });

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(Canary()), CancellationToken.None));

        Assert.True(error.RolledBack);
        var played = Assert.Single(_ecs.ServiceDeployments);
        Assert.Equal(("ROLLBACK", "ROLLBACK_SUCCESSFUL", 10.0), (played.StoppedWith, played.Status, played.MaxProductionWeight));
        Assert.Contains("alarm in ALARM: app-dev-unhealthy-hosts", error.Message, StringComparison.Ordinal);
        Assert.Contains(_progress, line => line.Line.StartsWith("alarm in ALARM: app-dev-unhealthy-hosts; stopping ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rollback_that_fails_is_a_failure_with_ECS_s_reason_and_no_rollback_claimed()
    {
        _service.ScriptNextLifecycle(FakeEcsLifecycle.AlarmDuring("BAKE_TIME") with { RollbackFails = true });

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(Canary()), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.RolloutFailed, error.Kind);
        Assert.False(error.RolledBack);
        Assert.Equal("ROLLBACK_FAILED", Assert.Single(_ecs.ServiceDeployments).Status);
        Assert.Contains("failed to roll back (ROLLBACK_FAILED): alarm in ALARM: app-dev-target-5xx", error.Message, StringComparison.Ordinal);
        Assert.Contains("The rollback failed: the listener rule could not be modified (AccessDenied).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deployment_that_stays_in_a_stage_times_out_naming_the_stage()
    {
        _service.ScriptNextLifecycle(new FakeEcsLifecycle { HoldAt = "BAKE_TIME" });

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(Canary(), TimeSpan.FromMinutes(2)), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.TimedOut, error.Kind);
        // --deploy-timeout (2 min) plus the canary's scheduled waits: 5 min of canary bake time, 10 of bake time.
        Assert.Contains("did not finish within 1020 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("last: IN_PROGRESS, BAKE_TIME)", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(17), _clock.Elapsed);
    }

    [Theory]
    [InlineData("CANARY", 15)]
    [InlineData("LINEAR", 8 + 10)]
    [InlineData("BLUE_GREEN", 10)]
    [InlineData("ROLLING", 0)]
    public void The_scheduled_wait_is_the_strategy_s_bake_times(string strategy, int minutes)
    {
        var settings = new EcsStrategySettings(strategy, 10, new EcsCanaryConfiguration(10, 5), new EcsLinearConfiguration(20, 2), LoadBalancer: LoadBalancer());

        Assert.Equal(TimeSpan.FromMinutes(minutes), settings.ScheduledWait());
    }

    [Fact]
    public async Task A_traffic_shifting_strategy_without_its_load_balancer_is_refused_before_ECS_is_called()
    {
        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => Deployer().DeployAsync(Request(BlueGreen() with { LoadBalancer = null }), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.Refused, error.Kind);
        Assert.Contains("BLUE_GREEN needs the load balancer's alternate target group", error.Message, StringComparison.Ordinal);
        Assert.Empty(_ecs.Requests);
    }

    [Fact]
    public async Task The_fake_refuses_a_traffic_shifting_UpdateService_without_advancedConfiguration_as_ECS_does()
    {
        var client = new EcsClient(_ecs.Settings(), new SecretRegistry(), new CapturingLog());
        var next = _ecs.AddTaskDefinition("app-dev", "app");

        var error = await Assert.ThrowsAsync<Build.Tools.Aws.AwsServiceException>(() => client.UpdateServiceAsync(
            Cluster, ServiceName, next, new EcsDeploymentSettings(BlueGreen() with { LoadBalancer = null }, null, null, null), CancellationToken.None));

        Assert.Contains("requires loadBalancers with advancedConfiguration", error.Message, StringComparison.Ordinal);
        Assert.Equal(_previous, _service.TaskDefinition);
    }

    [Fact]
    public async Task A_linear_deployment_shows_every_step()
    {
        var linear = new EcsStrategySettings(EcsDeploymentStrategy.Linear, 0, LinearConfiguration: new EcsLinearConfiguration(25, 1), LoadBalancer: LoadBalancer());

        var deployment = await Deployer().DeployAsync(Request(linear), CancellationToken.None);

        Assert.Equal([25.0, 50.0, 75.0, 100.0], deployment.ProductionTrafficSteps);
    }

    [Fact]
    public async Task A_rolling_strategy_is_sent_with_UpdateService_and_followed_by_DescribeServices()
    {
        _service.ScriptNext(FakeEcsRollout.Completes(polls: 2));

        var deployment = await Deployer().DeployAsync(Request(new EcsStrategySettings(EcsDeploymentStrategy.Rolling)), CancellationToken.None);

        Assert.Equal(NewArn, deployment.TaskDefinitionArn);
        Assert.Equal("ROLLING", _service.LastUpdate!["deploymentConfiguration"]!["strategy"]!.GetValue<string>());
        Assert.Null(_service.LastUpdate["loadBalancers"]);
        Assert.Empty(_ecs.ServiceDeployments);
        Assert.Equal(0, _ecs.CountOf("ListServiceDeployments"));
        Assert.Equal([Url], _smokeCalls.Select(call => call.Url));
    }

    [Fact]
    public async Task A_failed_production_smoke_test_after_a_blue_green_rolls_back_through_another_blue_green()
    {
        var failProduction = true;
        var deployer = new EcsDeployer(
            new EcsClient(_ecs.Settings(), new SecretRegistry(), new CapturingLog()),
            (url, version, cancellation) => url == Url && failProduction
                ? Task.FromException<IReadOnlyList<string>>(new CakeException("smoke test failed: / answered 500"))
                : Task.FromResult<IReadOnlyList<string>>(["ok"]),
            _progress.Add,
            _clock);

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => deployer.DeployAsync(Request(BlueGreen()), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.SmokeFailed, error.Kind);
        Assert.True(error.RolledBack);
        Assert.Equal(_previous, _service.TaskDefinition);
        Assert.Equal(["SUCCESSFUL", "SUCCESSFUL"], _ecs.ServiceDeployments.Select(deployment => deployment.Status));
        Assert.Equal([NewArn, _previous], _ecs.ServiceDeployments.Select(deployment => deployment.TaskDefinition));
    }

    public void Dispose() => _ecs.Dispose();

    private static EcsTrafficLoadBalancer LoadBalancer() =>
        new(Blue, "app", 8080, new EcsAdvancedConfiguration(Green, ProductionRule, TestRule, Role));

    private EcsDeployer Deployer() =>
        new(new EcsClient(_ecs.Settings(), new SecretRegistry(), new CapturingLog()), SmokeAsync, _progress.Add, _clock);

    private static EcsDeployRequest Request(EcsStrategySettings strategy, TimeSpan? timeout = null) =>
        new(Cluster, ServiceName, "app", Image, Version, Url, timeout ?? TimeSpan.FromMinutes(10), strategy, TestUrl);

    private Task<IReadOnlyList<string>> SmokeAsync(Uri url, string? version, CancellationToken cancellation)
    {
        var playing = _service.ServiceDeployments.LastOrDefault();
        _smokeCalls.Add((url, playing?.Stage, playing?.ProductionWeight ?? 0));
        return url == TestUrl && _testListenerFailure is not null
            ? Task.FromException<IReadOnlyList<string>>(_testListenerFailure)
            : Task.FromResult<IReadOnlyList<string>>([$"/version reports {version} (0123abc)", "/ renders (200 text/html)"]);
    }
}
