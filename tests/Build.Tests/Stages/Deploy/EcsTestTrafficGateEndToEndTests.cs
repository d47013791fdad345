using System.Text.Json.Nodes;
using Build.Tests.Stages.Deploy.Ecs;
using Build.Tests.Tools.Aws;

namespace Build.Tests.Stages.Deploy;

/// <summary>
/// The test-traffic gate held by its lifecycle hook, through the build app (<c>--target Deploy</c>): Apply recorded the
/// gate's hook, UpdateService sends it, the fake ECS holds the deployment in POST_TEST_TRAFFIC_SHIFT and asks the fake
/// hook (which reads the fake SSM) on every tick. Each test lets ECS's time run on while the test listener answers the
/// smoke test (<see cref="FakeEcs.Tick"/>: five lifecycle steps per request, enough to reach full production traffic
/// when nothing holds the deployment), so the gate is shown to hold whatever the timing.
/// </summary>
public sealed class EcsTestTrafficGateEndToEndTests : IDisposable
{
    private const string Held = "POST_TEST_TRAFFIC_SHIFT: IN_PROGRESS";

    private readonly EcsDeployScenario _scenario = new();

    public EcsTestTrafficGateEndToEndTests()
    {
        _scenario.WhileTheTestListenerAnswers = () => _scenario.Ecs.Tick(5);
    }

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void A_blue_green_held_by_the_hook_moves_production_traffic_only_after_the_pass_verdict()
    {
        _scenario.Record("dev", strategy: EcsStrategyDeployerTests.BlueGreen(), hooked: true);

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        var played = Assert.Single(_scenario.Ecs.ServiceDeployments);
        Assert.Equal(("BLUE_GREEN", "SUCCESSFUL"), (played.Strategy, played.Status));
        Assert.Equal([100.0], played.ProductionWeights);
        // Held while the smoke test ran (time passed, nothing moved), released by the verdict.
        Assert.Contains(Held, played.HookAnswers);
        Assert.Equal("POST_TEST_TRAFFIC_SHIFT: SUCCEEDED", played.HookAnswers[^1]);
        Assert.All(played.ProductionWeightsWhileHooked, weight => Assert.Equal(0.0, weight));
        var hooks = Assert.Single(_scenario.Service.LastUpdate!["deploymentConfiguration"]!["lifecycleHooks"]!.AsArray());
        Assert.Equal(
            $$"""{"hookTargetArn":"{{FakeTestTrafficGateHook.FunctionArn}}","roleArn":"{{FakeTestTrafficGateHook.RoleArn}}","lifecycleStages":["POST_TEST_TRAFFIC_SHIFT"]}""",
            hooks!.ToJsonString());
        var verdict = JsonNode.Parse(_scenario.Ssm.Value(VerdictName(played.Arn))!)!;
        Assert.Equal(("pass", played.Arn, played.TargetRevisionArn(_scenario.Service)), (verdict["verdict"]!.GetValue<string>(), verdict["serviceDeploymentArn"]!.GetValue<string>(), verdict["targetServiceRevisionArn"]!.GetValue<string>()));
        Assert.Contains("gate held by lifecycle hook app-dev-test-traffic-gate in POST_TEST_TRAFFIC_SHIFT", run.Output, StringComparison.Ordinal);
        Assert.Contains($"verdict 'pass' written to {VerdictName(played.Arn)}: the hook lets production traffic move", run.Output, StringComparison.Ordinal);
        Assert.True(
            run.Output.IndexOf("verdict 'pass' written", StringComparison.Ordinal) < run.Output.IndexOf("production traffic: 100%", StringComparison.Ordinal),
            "production traffic moved before the verdict was written");
    }

    [Fact]
    public void A_blue_green_whose_smoke_test_fails_is_rolled_back_by_the_hook_and_production_traffic_never_moves()
    {
        _scenario.TestListenerVersion = "1.2.2";
        _scenario.Record("dev", strategy: EcsStrategyDeployerTests.BlueGreen(), hooked: true);

        var run = _scenario.Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        var played = Assert.Single(_scenario.Ecs.ServiceDeployments);
        // ECS rolled back on the hook's FAILED: the build never had to stop it, and production traffic never moved.
        Assert.Equal(("ROLLBACK_SUCCESSFUL", null, 0.0), (played.Status, played.StoppedWith, played.MaxProductionWeight));
        Assert.Empty(played.ProductionWeights);
        Assert.DoesNotContain("PRODUCTION_TRAFFIC_SHIFT", played.Stages);
        Assert.Contains(Held, played.HookAnswers);
        Assert.Equal("POST_TEST_TRAFFIC_SHIFT: FAILED", played.HookAnswers[^1]);
        Assert.Equal(0, _scenario.Ecs.CountOf("StopServiceDeployment"));
        Assert.Equal("fail", JsonNode.Parse(_scenario.Ssm.Value(VerdictName(played.Arn))!)!["verdict"]!.GetValue<string>());
        var error = run.ErrorLines[^1];
        Assert.Contains("smoke test on the test listener failed in POST_TEST_TRAFFIC_SHIFT", error, StringComparison.Ordinal);
        Assert.Contains("/version reports 1.2.2, not 1.2.3", error, StringComparison.Ordinal);
        Assert.Contains("ROLLBACK_SUCCESSFUL", error, StringComparison.Ordinal);
        Assert.Contains("production traffic never moved to the new revision", error, StringComparison.Ordinal);
        Assert.Equal(_scenario.Previous, _scenario.Service.TaskDefinition);
        Assert.False(File.Exists(_scenario.Build.Path("artifacts", "deploy", "dev.json")), "a rolled-back deploy left a record");
    }

    [Fact]
    public void Without_the_hook_the_polling_gate_says_so_and_ECS_moves_production_traffic_while_the_smoke_test_runs()
    {
        // Why the hook exists: the same failing smoke test and the same passing of time, but nothing holds the deployment.
        _scenario.TestListenerVersion = "1.2.2";
        _scenario.Record("dev", strategy: EcsStrategyDeployerTests.BlueGreen());

        var run = _scenario.Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        var played = Assert.Single(_scenario.Ecs.ServiceDeployments);
        Assert.Equal(100.0, played.MaxProductionWeight);
        Assert.Empty(played.HookAnswers);
        Assert.Null(_scenario.Service.LastUpdate!["deploymentConfiguration"]!["lifecycleHooks"]);
        Assert.Contains("gate by polling: no lifecycle hook recorded by Apply", run.Output, StringComparison.Ordinal);
        Assert.Contains("(polling, no lifecycle hook holds the deployment", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_canary_held_by_the_hook_shows_its_traffic_steps_after_the_gate_and_succeeds()
    {
        _scenario.Record("dev", strategy: EcsStrategyDeployerTests.Canary(percent: 10), hooked: true);

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        var played = Assert.Single(_scenario.Ecs.ServiceDeployments);
        Assert.Equal(("CANARY", "SUCCESSFUL"), (played.Strategy, played.Status));
        Assert.Equal([10.0, 100.0], played.ProductionWeights);
        Assert.Contains(Held, played.HookAnswers);
        Assert.Equal("POST_TEST_TRAFFIC_SHIFT: SUCCEEDED", played.HookAnswers[^1]);
        Assert.All(played.ProductionWeightsWhileHooked, weight => Assert.Equal(0.0, weight));
        Assert.Contains("production traffic: 10% on the new revision (PRODUCTION_TRAFFIC_SHIFT)", run.Output, StringComparison.Ordinal);
        Assert.Contains("production traffic: 100% on the new revision (PRODUCTION_TRAFFIC_SHIFT)", run.Output, StringComparison.Ordinal);
        Assert.True(
            run.Output.IndexOf("verdict 'pass' written", StringComparison.Ordinal) < run.Output.IndexOf("production traffic: 10%", StringComparison.Ordinal),
            "the canary step came before the verdict");
        Assert.Equal(1, _scenario.Ssm.Requests.Count(request => request is { Operation: "PutParameter", Rejection: null }));
    }

    private static string VerdictName(string serviceDeploymentArn) => FakeTestTrafficGateHook.VerdictPrefix + serviceDeploymentArn[(serviceDeploymentArn.LastIndexOf('/') + 1)..];
}
