using System.Net;
using System.Text;
using System.Text.Json;
using Build.Core;
using Build.Parameters;
using Build.Stages.Image;
using Build.Stages.Infrastructure;
using Build.Stages.Push;
using Build.Tests.Support;
using Build.Tests.Tools.Aws;
using Cake.Core.IO;

namespace Build.Tests.Stages.Deploy;

/// <summary>
/// <c>Build.dll --target Deploy --exclusive --environment dev</c> as a later CI job runs it: the pushed digest, the
/// gates and the applied infrastructure are recorded for this commit; ECS is the fake (AWS_ENDPOINT_URL_ECS), the
/// service's URL a real HTTP server standing in for the load balancer.
/// </summary>
public sealed class EcsDeployEndToEndTests : IDisposable
{
    private const string Cluster = "app-dev";
    private const string Service = "app-dev";
    private const string Version = "1.2.3";
    private static readonly string Reference = $"{FakeEcs.AccountId}.dkr.ecr.{FakeEcs.Region}.amazonaws.com/app-dev@sha256:{new string('a', 64)}";

    private readonly BuildProcess _build = new();
    private readonly FakeEcs _ecs = new();
    private readonly LoopbackHttpServer _site;
    private readonly FakeEcsService _service;
    private readonly string _previous;
    private string _servedVersion = Version;

    public EcsDeployEndToEndTests()
    {
        _site = new LoopbackHttpServer(ServeAsync);
        _previous = _ecs.AddTaskDefinition("app-dev", "app");
        _service = _ecs.AddService(Cluster, Service, _previous);
        Directory.CreateDirectory(_build.Path("terraform", "environments"));
        foreach (var environment in new[] { "dev", "prod" })
        {
            File.WriteAllText(_build.Path("terraform", "environments", $"{environment}.tfvars"), $"environment  = \"{environment}\"\nservice_name = \"app\"\naws_region   = \"{FakeEcs.Region}\"\n");
        }

        _build.Environment["AWS_ACCESS_KEY_ID"] = FakeEcs.AccessKey;
        _build.Environment["AWS_SECRET_ACCESS_KEY"] = FakeEcs.SecretKey;
        _build.Environment["AWS_ENDPOINT_URL_ECS"] = _ecs.Endpoint.ToString();
        _build.Environment["AWS_REGION"] = "";
        _build.Environment["AWS_DEFAULT_REGION"] = "";
        _build.Environment["AWS_PROFILE"] = "";
    }

    public void Dispose()
    {
        _site.Dispose();
        _ecs.Dispose();
        _build.Dispose();
    }

    [Fact]
    public void A_deploy_registers_a_revision_with_the_digest_follows_it_to_COMPLETED_smoke_tests_and_records_it()
    {
        _service.ScriptNext(FakeEcsRollout.Completes(polls: 2));
        Record("dev");

        var run = Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        var registration = Assert.Single(_ecs.Registrations);
        Assert.Equal(Reference, registration["containerDefinitions"]![0]!["image"]!.GetValue<string>());
        using var record = JsonDocument.Parse(File.ReadAllText(_build.Path("artifacts", "deploy", "dev.json")));
        var root = record.RootElement;
        Assert.Equal("deployed", root.GetProperty("outcome").GetString());
        Assert.Equal(Reference, root.GetProperty("image").GetString());
        Assert.Equal(_previous, root.GetProperty("previousTaskDefinition").GetString());
        Assert.Equal(_service.TaskDefinition, root.GetProperty("taskDefinition").GetString());
        Assert.NotEqual(_previous, _service.TaskDefinition);
        Assert.Contains($"Deployed {Version} to {Cluster}/{Service}: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("rollout COMPLETED", run.Output, StringComparison.Ordinal);
        Assert.Contains("Gates for commit", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_circuit_breaker_rollback_fails_the_build_with_the_reason_and_leaves_no_record()
    {
        _service.ScriptNext(FakeEcsRollout.FailsWithRollback(polls: 2));
        Record("dev");

        var run = Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(FakeEcsRollout.CircuitBreakerReason, run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("runs again", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(_build.Path("artifacts", "deploy", "dev.json")), "a failed deploy left a record");
        Assert.Equal(_previous, _service.TaskDefinition);
    }

    [Fact]
    public void A_failed_smoke_test_rolls_the_service_back_to_the_previous_revision_and_fails()
    {
        _service.ScriptNext(FakeEcsRollout.Completes(polls: 1)).ScriptNext(FakeEcsRollout.Completes(polls: 1));
        _servedVersion = "1.2.2";
        Record("dev");

        var run = Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/version reports 1.2.2, not 1.2.3", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Contains("rolled back: ", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(_previous, _service.TaskDefinition);
        Assert.Equal(2, _ecs.CountOf("UpdateService"));
        Assert.False(File.Exists(_build.Path("artifacts", "deploy", "dev.json")), "a rolled-back deploy left a record");
    }

    [Fact]
    public void Infrastructure_recorded_by_another_commit_is_refused_before_ECS_is_called()
    {
        Record("dev", infrastructureCommit: new string('0', 40));

        var run = Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches("was recorded by commit 000000000000, not [0-9a-f]{12}: run the Apply target for 'dev' at this commit", run.ErrorLines[^1]);
        Assert.Empty(_ecs.Requests);
    }

    [Fact]
    public void A_push_recorded_for_another_environment_is_refused_before_ECS_is_called()
    {
        Record("dev", pushedTo: "staging");

        var run = Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("to 'staging', not of this image", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Empty(_ecs.Requests);
    }

    [Fact]
    public void A_deploy_to_prod_without_approval_is_refused_before_anything_runs()
    {
        Record("prod");

        var run = Deploy("prod");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Deploying to prod needs approval: pass --{ArgumentNames.Approve}", run.All, StringComparison.Ordinal);
        Assert.Empty(_ecs.Requests);
    }

    private BuildProcessRun Deploy(string environment) =>
        _build.Run(TimeSpan.FromMinutes(3), "--target", "Deploy", "--exclusive", "--environment", environment, "--deploy-timeout", "60");

    // What the earlier jobs of the pipeline leave in artifacts/: the image, its push, the gates, the applied infrastructure.
    private void Record(string environment, string? pushedTo = null, string? infrastructureCommit = null)
    {
        var image = new ImageBuildResult("sha256:" + new string('1', 64), "app", [Version], 0, "base", ImageBuildModes.Prebuilt, ImageBuilders.Legacy, [], new Dictionary<string, string> { [OciLabels.Version] = Version });
        var images = _build.Path("artifacts", "image");
        Directory.CreateDirectory(images);
        ImageRecordFile.Write(new FilePath(System.IO.Path.Combine(images, "image.json")), image);
        var pushed = new PushedImage($"{FakeEcs.AccountId}.dkr.ecr.{FakeEcs.Region}.amazonaws.com", "app-dev", "sha256:" + new string('a', 64), [Version], 1000, []);
        PushedImageFile.Write(new FilePath(System.IO.Path.Combine(images, "pushed.json")), pushed, image, pushedTo ?? environment);
        var commit = RecordedGates.RecordAllPassed(_build, image.Id);
        var paths = new BuildPaths(new DirectoryPath(_build.Root), new DirectoryPath(_build.Artifacts));
        AppliedInfrastructureFile.Write(paths, new AppliedInfrastructure(environment, infrastructureCommit ?? commit, DateTimeOffset.UtcNow, Cluster, Service, "app", "app-dev", _site.BaseUrl.ToString().TrimEnd('/')));
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var (type, body) = context.Request.Url!.AbsolutePath switch
        {
            "/version" => ("application/json", $"{{\"version\":\"{_servedVersion}\",\"commit\":\"0123abc\"}}"),
            "/health" => ("text/plain", "Healthy"),
            _ => ("text/html", "<!doctype html><html lang=\"en\"><title>App</title><main>App</main></html>"),
        };
        context.Response.ContentType = type;
        var bytes = Encoding.UTF8.GetBytes(body);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
