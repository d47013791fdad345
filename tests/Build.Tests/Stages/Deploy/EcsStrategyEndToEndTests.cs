using Build.Tests.Stages.Deploy.Ecs;
using Build.Tests.Tools.Aws;
using Build.Tools.Aws.Ecs;

namespace Build.Tests.Stages.Deploy;

/// <summary>
/// <c>Build.dll --target Deploy --exclusive --environment dev</c> with a traffic-shifting strategy recorded by Apply
/// (<see cref="EcsDeployScenario"/>): the fake ECS plays the service deployment's lifecycle, a second HTTP server stands in
/// for the test listener.
/// </summary>
public sealed class EcsStrategyEndToEndTests : IDisposable
{
    private readonly EcsDeployScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void A_canary_shows_its_traffic_steps_and_succeeds()
    {
        _scenario.Record("dev", strategy: EcsStrategyDeployerTests.Canary(percent: 10));

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        var played = Assert.Single(_scenario.Ecs.ServiceDeployments);
        Assert.Equal(("CANARY", "SUCCESSFUL"), (played.Strategy, played.Status));
        Assert.Equal([10.0, 100.0], played.ProductionWeights);
        Assert.Contains("production traffic: 10% on the new revision (PRODUCTION_TRAFFIC_SHIFT)", run.Output, StringComparison.Ordinal);
        Assert.Contains("production traffic: 100% on the new revision (PRODUCTION_TRAFFIC_SHIFT)", run.Output, StringComparison.Ordinal);
        Assert.Contains("CANARY IN_PROGRESS, BAKE_TIME, production 100% new / 0% old", run.Output, StringComparison.Ordinal);
        Assert.Contains("test-traffic gate passed", run.Output, StringComparison.Ordinal);
        using var record = System.Text.Json.JsonDocument.Parse(File.ReadAllText(_scenario.Build.Path("artifacts", "deploy", "dev.json")));
        Assert.Equal("CANARY", record.RootElement.GetProperty("strategy").GetString());
        Assert.Equal([10.0, 100.0], record.RootElement.GetProperty("productionTrafficSteps").EnumerateArray().Select(step => step.GetDouble()));
        Assert.Equal(played.Arn, record.RootElement.GetProperty("deploymentId").GetString());
        Assert.Equal(_scenario.Service.TaskDefinition, played.TaskDefinition);
    }

    [Fact]
    public void A_blue_green_passes_its_test_listener_gate_then_moves_all_production_traffic_at_once()
    {
        _scenario.Record("dev", strategy: EcsStrategyDeployerTests.BlueGreen());

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        var played = Assert.Single(_scenario.Ecs.ServiceDeployments);
        Assert.Equal(("BLUE_GREEN", "SUCCESSFUL"), (played.Strategy, played.Status));
        Assert.Equal([100.0], played.ProductionWeights);
        Assert.Contains("test-traffic gate passed", run.Output, StringComparison.Ordinal);
        Assert.True(
            run.Output.IndexOf("test-traffic gate passed", StringComparison.Ordinal) < run.Output.IndexOf("production traffic: 100%", StringComparison.Ordinal),
            "the gate passed after production traffic moved");
    }

    [Fact]
    public void A_linear_deployment_shows_each_step_and_succeeds()
    {
        _scenario.Record("dev", strategy: new EcsStrategySettings(
            EcsDeploymentStrategy.Linear, 1, LinearConfiguration: new EcsLinearConfiguration(50, 1), LoadBalancer: EcsStrategyDeployerTests.BlueGreen().LoadBalancer));

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([50.0, 100.0], Assert.Single(_scenario.Ecs.ServiceDeployments).ProductionWeights);
        Assert.Contains("production traffic: 50% on the new revision", run.Output, StringComparison.Ordinal);
        Assert.Contains("(LINEAR: steps of 50%, 1 min each; bake 1 min)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alarm_during_bake_time_rolls_back_and_exits_non_zero_naming_the_alarm()
    {
        _scenario.Service.ScriptNextLifecycle(FakeEcsLifecycle.AlarmDuring("BAKE_TIME", "app-dev-target-5xx"));
        _scenario.Record("dev", strategy: EcsStrategyDeployerTests.Canary());

        var run = _scenario.Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("alarm in ALARM: app-dev-target-5xx", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("ROLLBACK_SUCCESSFUL", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("app-dev:1 runs again", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal("ROLLBACK_SUCCESSFUL", Assert.Single(_scenario.Ecs.ServiceDeployments).Status);
        Assert.Equal(_scenario.Previous, _scenario.Service.TaskDefinition);
        Assert.False(File.Exists(_scenario.Build.Path("artifacts", "deploy", "dev.json")), "a rolled-back deploy left a record");
    }

    [Fact]
    public void A_blue_green_whose_smoke_test_fails_on_the_test_listener_never_shifts_production_traffic()
    {
        _scenario.TestListenerVersion = "1.2.2";
        _scenario.Record("dev", strategy: EcsStrategyDeployerTests.BlueGreen());

        var run = _scenario.Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        var played = Assert.Single(_scenario.Ecs.ServiceDeployments);
        Assert.Equal(("ROLLBACK", "ROLLBACK_SUCCESSFUL", 0.0), (played.StoppedWith, played.Status, played.MaxProductionWeight));
        Assert.DoesNotContain("PRODUCTION_TRAFFIC_SHIFT", played.Stages);
        Assert.Contains("smoke test on the test listener failed in TEST_TRAFFIC_SHIFT", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("/version reports 1.2.2, not 1.2.3", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("production traffic never moved to the new revision", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(_scenario.Previous, _scenario.Service.TaskDefinition);
    }
}
