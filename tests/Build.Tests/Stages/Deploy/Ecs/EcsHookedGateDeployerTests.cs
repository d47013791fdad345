using Build.Core.Secrets;
using Build.Stages.Deploy.Ecs;
using Build.Tests.Support;
using Build.Tests.Tools.Aws;
using Build.Tools.Aws.Ecs;
using Build.Tools.Aws.Ssm;
using Cake.Core;

namespace Build.Tests.Stages.Deploy.Ecs;

/// <summary>
/// The ECS deploy with the test-traffic gate's lifecycle hook, on a stepping clock, with the real ECS and SSM clients
/// against the fakes: the hook goes with the gated deployment only, the verdict is written once for the held
/// deployment, and a verdict that cannot be written stops the deployment with a rollback.
/// </summary>
public sealed class EcsHookedGateDeployerTests : IDisposable
{
    private const string Version = "1.2.3";
    private static readonly string Image = $"{FakeEcs.AccountId}.dkr.ecr.{FakeEcs.Region}.amazonaws.com/app-dev@sha256:{new string('f', 64)}";
    private static readonly Uri Url = new("https://app-dev.example.org/");
    private static readonly Uri TestUrl = new("http://app-dev.example.org:8081/");
    private static readonly EcsTestTrafficGate Gate = new(FakeTestTrafficGateHook.FunctionArn, FakeTestTrafficGateHook.RoleArn, FakeTestTrafficGateHook.VerdictPrefix);

    private readonly SteppingClock _clock = new();
    private readonly FakeEcs _ecs;
    private readonly FakeSsm _ssm = new();
    private readonly FakeEcsService _service;
    private readonly string _previous;
    private readonly List<EcsProgress> _progress = [];

    public EcsHookedGateDeployerTests()
    {
        _ecs = new FakeEcs(_clock);
        _ecs.AddLambda(FakeTestTrafficGateHook.FunctionArn, FakeTestTrafficGateHook.Reading(_ssm));
        _previous = _ecs.AddTaskDefinition("app-dev", "app");
        _service = _ecs.AddService("app-dev", "app-dev", _previous);
    }

    public void Dispose()
    {
        _ecs.Dispose();
        _ssm.Dispose();
    }

    [Fact]
    public async Task A_failed_production_smoke_test_rolls_back_through_a_deployment_whose_hooks_are_cleared()
    {
        var deployer = Deployer((url, _) => url == Url ? throw new CakeException("smoke test failed: / answered 500") : ["ok"], new SsmClient(_ssm.Settings(), new SecretRegistry(), new CapturingLog()));

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => deployer.DeployAsync(Request(), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.SmokeFailed, error.Kind);
        Assert.True(error.RolledBack);
        Assert.Equal(_previous, _service.TaskDefinition);
        var (gated, rollback) = (_ecs.ServiceDeployments[0], _ecs.ServiceDeployments[1]);
        Assert.Equal(["POST_TEST_TRAFFIC_SHIFT"], gated.Configuration["lifecycleHooks"]![0]!["lifecycleStages"]!.AsArray().Select(stage => stage!.GetValue<string>()));
        // The rollback's deployment is not gated: its hooks are cleared, or nothing would answer the hook.
        Assert.Empty(rollback.Configuration["lifecycleHooks"]!.AsArray());
        Assert.Empty(rollback.HookAnswers);
        Assert.Equal(["SUCCESSFUL", "SUCCESSFUL"], _ecs.ServiceDeployments.Select(deployment => deployment.Status));
        Assert.Equal(1, _ssm.Requests.Count(request => request.Operation == "PutParameter"));
    }

    [Fact]
    public async Task A_verdict_that_cannot_be_written_stops_the_held_deployment_with_a_rollback()
    {
        var wrongKey = new SsmClient(_ssm.Settings(new Amazon.Runtime.BasicAWSCredentials(FakeEcs.AccessKey, "not-the-secret")), new SecretRegistry(), new CapturingLog());
        var deployer = Deployer((_, _) => ["ok"], wrongKey);

        var error = await Assert.ThrowsAsync<EcsDeployFailedException>(() => deployer.DeployAsync(Request(), CancellationToken.None));

        Assert.Equal(EcsDeployFailureKind.TestTrafficFailed, error.Kind);
        var played = Assert.Single(_ecs.ServiceDeployments);
        Assert.Equal(("ROLLBACK", "ROLLBACK_SUCCESSFUL", 0.0), (played.StoppedWith, played.Status, played.MaxProductionWeight));
        Assert.Contains("the test-traffic verdict could not be written for the hook", error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidSignatureException", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_a_hook_but_no_SSM_client_is_refused_before_ECS_is_called()
    {
        var deployer = new EcsDeployer(new EcsClient(_ecs.Settings(), new SecretRegistry(), new CapturingLog()), (_, _, _) => Task.FromResult<IReadOnlyList<string>>(["ok"]), _progress.Add, _clock);

        await Assert.ThrowsAsync<ArgumentException>(() => deployer.DeployAsync(Request(), CancellationToken.None));
        Assert.Empty(_ecs.Requests);
    }

    private EcsDeployer Deployer(Func<Uri, string?, IReadOnlyList<string>> smoke, ISsmClient ssm) => new(
        new EcsClient(_ecs.Settings(), new SecretRegistry(), new CapturingLog()),
        (url, version, _) =>
        {
            try
            {
                return Task.FromResult(smoke(url, version));
            }
            catch (CakeException failed)
            {
                return Task.FromException<IReadOnlyList<string>>(failed);
            }
        },
        _progress.Add,
        _clock,
        ssm: ssm);

    private static EcsDeployRequest Request() =>
        new("app-dev", "app-dev", "app", Image, Version, Url, TimeSpan.FromMinutes(10), EcsStrategyDeployerTests.BlueGreen(), TestUrl, Gate);
}
