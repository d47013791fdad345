using System.Text.Json;
using Build.Parameters;
using Build.Tests.Tools.Aws;

namespace Build.Tests.Stages.Deploy;

/// <summary>
/// <c>Build.dll --target Deploy --exclusive --environment dev</c> as a later CI job runs it (<see cref="EcsDeployScenario"/>):
/// ECS is the fake, the service's URL a real HTTP server standing in for the load balancer.
/// </summary>
public sealed class EcsDeployEndToEndTests : IDisposable
{
    private readonly EcsDeployScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void A_deploy_registers_a_revision_with_the_digest_follows_it_to_COMPLETED_smoke_tests_and_records_it()
    {
        _scenario.Service.ScriptNext(FakeEcsRollout.Completes(polls: 2));
        _scenario.Record("dev");

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        var registration = Assert.Single(_scenario.Ecs.Registrations);
        Assert.Equal(EcsDeployScenario.Reference, registration["containerDefinitions"]![0]!["image"]!.GetValue<string>());
        using var record = JsonDocument.Parse(File.ReadAllText(_scenario.Build.Path("artifacts", "deploy", "dev.json")));
        var root = record.RootElement;
        Assert.Equal("deployed", root.GetProperty("outcome").GetString());
        Assert.Equal(EcsDeployScenario.Reference, root.GetProperty("image").GetString());
        Assert.Equal(_scenario.Previous, root.GetProperty("previousTaskDefinition").GetString());
        Assert.Equal(_scenario.Service.TaskDefinition, root.GetProperty("taskDefinition").GetString());
        Assert.NotEqual(_scenario.Previous, _scenario.Service.TaskDefinition);
        Assert.Contains($"Deployed {EcsDeployScenario.Version} to {EcsDeployScenario.Cluster}/{EcsDeployScenario.ServiceName}: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("rollout COMPLETED", run.Output, StringComparison.Ordinal);
        Assert.Contains("Gates for commit", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_circuit_breaker_rollback_fails_the_build_with_the_reason_and_leaves_no_record()
    {
        _scenario.Service.ScriptNext(FakeEcsRollout.FailsWithRollback(polls: 2));
        _scenario.Record("dev");

        var run = _scenario.Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(FakeEcsRollout.CircuitBreakerReason, run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("runs again", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(_scenario.Build.Path("artifacts", "deploy", "dev.json")), "a failed deploy left a record");
        Assert.Equal(_scenario.Previous, _scenario.Service.TaskDefinition);
    }

    [Fact]
    public void A_failed_smoke_test_rolls_the_service_back_to_the_previous_revision_and_fails()
    {
        _scenario.Service.ScriptNext(FakeEcsRollout.Completes(polls: 1)).ScriptNext(FakeEcsRollout.Completes(polls: 1));
        _scenario.ServedVersion = "1.2.2";
        _scenario.Record("dev");

        var run = _scenario.Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/version reports 1.2.2, not 1.2.3", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("rolled back: ", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(_scenario.Previous, _scenario.Service.TaskDefinition);
        Assert.Equal(2, _scenario.Ecs.CountOf("UpdateService"));
        Assert.False(File.Exists(_scenario.Build.Path("artifacts", "deploy", "dev.json")), "a rolled-back deploy left a record");
    }

    [Fact]
    public void Infrastructure_recorded_by_another_commit_is_refused_before_ECS_is_called()
    {
        _scenario.Record("dev", infrastructureCommit: new string('0', 40));

        var run = _scenario.Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches("was recorded by commit 000000000000, not [0-9a-f]{12}: run the Apply target for 'dev' at this commit", run.ErrorLines[^1]);
        Assert.Empty(_scenario.Ecs.Requests);
    }

    [Fact]
    public void A_push_recorded_for_another_environment_is_refused_before_ECS_is_called()
    {
        _scenario.Record("dev", pushedTo: "staging");

        var run = _scenario.Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("records 'staging', not 'dev'", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Empty(_scenario.Ecs.Requests);
    }

    [Fact]
    public void A_deploy_to_prod_without_approval_is_refused_before_anything_runs()
    {
        _scenario.Record("prod");

        var run = _scenario.Deploy("prod");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Deploying to prod needs approval: pass --{ArgumentNames.Approve}", run.All, StringComparison.Ordinal);
        Assert.Empty(_scenario.Ecs.Requests);
    }

    [Fact]
    public void An_interrupted_deploy_exits_130_saying_the_rollout_goes_on_in_ECS_and_leaves_no_record()
    {
        _scenario.Service.ScriptNext(FakeEcsRollout.NeverSettles());
        _scenario.Record("dev");
        using var running = _scenario.StartDeploy("dev");
        running.WaitForOutput("rollout IN_PROGRESS", TimeSpan.FromMinutes(2));

        running.Interrupt(wholeGroup: false);
        var run = running.WaitForExit(TimeSpan.FromMinutes(4));

        Assert.Equal(130, run.ExitCode);
        Assert.Contains("Interrupted (SIGINT) during Deploy", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("ECS goes on with deployment of", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("last seen: deployment ", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(_scenario.Build.Path("artifacts", "deploy", "dev.json")), "an interrupted deploy left a record");
    }
}
