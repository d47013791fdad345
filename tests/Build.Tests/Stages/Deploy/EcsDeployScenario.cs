using System.Net;
using System.Text;
using Build.Core;
using Build.Parameters;
using Build.Stages.Image;
using Build.Stages.Infrastructure;
using Build.Stages.Push;
using Build.Tests.Support;
using Build.Tests.Tools.Aws;
using Build.Tools.Aws.Ecs;
using Cake.Core.IO;

namespace Build.Tests.Stages.Deploy;

/// <summary>
/// What a later CI job's <c>--target Deploy --exclusive --environment &lt;env&gt;</c> meets: the fake ECS (through
/// AWS_ENDPOINT_URL_ECS) with one service on revision 1, the records the earlier jobs leave in artifacts/ (image, push,
/// gates, applied infrastructure) and a real HTTP server standing in for the load balancer's URL.
/// </summary>
public sealed class EcsDeployScenario : IDisposable
{
    public const string Cluster = "app-dev";
    public const string ServiceName = "app-dev";
    public const string Version = "1.2.3";
    public static readonly string Reference = $"{FakeEcs.AccountId}.dkr.ecr.{FakeEcs.Region}.amazonaws.com/app-dev@sha256:{new string('a', 64)}";

    private readonly LoopbackHttpServer _site;
    private readonly LoopbackHttpServer _testListener;

    public EcsDeployScenario()
    {
        _site = new LoopbackHttpServer(context => ServeAsync(context, ServedVersion));
        _testListener = new LoopbackHttpServer(context =>
        {
            WhileTheTestListenerAnswers?.Invoke();
            return ServeAsync(context, TestListenerVersion);
        });
        Ecs.AddLambda(FakeTestTrafficGateHook.FunctionArn, FakeTestTrafficGateHook.Reading(Ssm));
        Previous = Ecs.AddTaskDefinition("app-dev", "app");
        Service = Ecs.AddService(Cluster, ServiceName, Previous);
        Directory.CreateDirectory(Build.Path("terraform", "environments"));
        foreach (var environment in new[] { "dev", "staging", "prod" })
        {
            File.WriteAllText(Build.Path("terraform", "environments", $"{environment}.tfvars"), $"environment  = \"{environment}\"\nservice_name = \"app\"\naws_region   = \"{FakeEcs.Region}\"\n");
        }

        Build.Environment["AWS_ACCESS_KEY_ID"] = FakeEcs.AccessKey;
        Build.Environment["AWS_SECRET_ACCESS_KEY"] = FakeEcs.SecretKey;
        Build.Environment["AWS_ENDPOINT_URL_ECS"] = Ecs.Endpoint.ToString();
        Build.Environment["AWS_ENDPOINT_URL_SSM"] = Ssm.Endpoint.ToString();
        Build.Environment["AWS_REGION"] = "";
        Build.Environment["AWS_DEFAULT_REGION"] = "";
        Build.Environment["AWS_PROFILE"] = "";
    }

    public BuildProcess Build { get; } = new();

    public FakeEcs Ecs { get; } = new();

    /// <summary>Gets the SSM the test-traffic gate's verdicts go to (and the fake hook reads).</summary>
    public FakeSsm Ssm { get; } = new();

    /// <summary>Gets the test-traffic gate Apply records with <see cref="Record"/>'s <c>hooked</c>: the fake hook's function and prefix.</summary>
    public static EcsTestTrafficGate Gate { get; } = new(FakeTestTrafficGateHook.FunctionArn, FakeTestTrafficGateHook.RoleArn, FakeTestTrafficGateHook.VerdictPrefix);

    /// <summary>Gets or sets what happens each time the test listener answers, before it does (e.g. time passing for ECS).</summary>
    public Action? WhileTheTestListenerAnswers { get; set; }

    public FakeEcsService Service { get; }

    /// <summary>Gets the task definition the service runs before the deploy.</summary>
    public string Previous { get; }

    /// <summary>Gets or sets what the site's /version reports (the deployed version, unless a test says otherwise).</summary>
    public string ServedVersion { get; set; } = Version;

    /// <summary>Gets or sets what the test listener's /version reports (a traffic-shifting strategy's test-traffic gate).</summary>
    public string TestListenerVersion { get; set; } = Version;

    /// <summary>Gets the test listener's URL, as Apply records terraform's test_url output.</summary>
    public string TestUrl => _testListener.BaseUrl.ToString().TrimEnd('/');

    public BuildProcessRun Deploy(string environment) =>
        Build.Run(TimeSpan.FromMinutes(3), "--target", "Deploy", "--exclusive", "--environment", environment, "--deploy-timeout", "60");

    /// <summary>Starts the deploy and returns at once, to interrupt it.</summary>
    public RunningBuild StartDeploy(string environment) =>
        Build.Start(ownProcessGroup: true, "--target", "Deploy", "--exclusive", "--environment", environment, "--deploy-timeout", "600");

    /// <summary>What the earlier jobs leave in artifacts/: the image, its push, the gates, the applied infrastructure.</summary>
    public void Record(string environment, string? pushedTo = null, string? infrastructureCommit = null, EcsStrategySettings? strategy = null, bool hooked = false, PreDeployTasks? preDeploy = null, AppSecrets? secrets = null)
    {
        var image = new ImageBuildResult("sha256:" + new string('1', 64), "app", [Version], 0, "base", ImageBuildModes.Prebuilt, ImageBuilders.Legacy, [], new Dictionary<string, string> { [OciLabels.Version] = Version });
        var images = Build.Path("artifacts", "image");
        Directory.CreateDirectory(images);
        ImageRecordFile.Write(new FilePath(System.IO.Path.Combine(images, "image.json")), image);
        var pushed = new PushedImage($"{FakeEcs.AccountId}.dkr.ecr.{FakeEcs.Region}.amazonaws.com", "app-dev", "sha256:" + new string('a', 64), [Version], 1000, []);
        File.WriteAllText(System.IO.Path.Combine(images, $"pushed-{environment}.json"), PushedImageFile.Json(PushedImageFile.Of(pushedTo ?? environment, pushed, image, commit: null)));
        var commit = RecordedGates.RecordAllPassed(Build, image.Id);
        RecordInfrastructure(environment, infrastructureCommit ?? commit, strategy, hooked, preDeploy, secrets);
    }

    /// <summary>What Apply leaves for <paramref name="environment"/>: the service's cluster, name, container and URL, for <paramref name="commit"/> (HEAD when null).</summary>
    public void RecordInfrastructure(string environment, string? commit = null, EcsStrategySettings? strategy = null, bool hooked = false, PreDeployTasks? preDeploy = null, AppSecrets? secrets = null)
    {
        var paths = new BuildPaths(new DirectoryPath(Build.Root), new DirectoryPath(Build.Artifacts));
        var applied = new AppliedInfrastructure(environment, commit ?? RecordedGates.CommitRoot(Build), DateTimeOffset.UtcNow, Cluster, ServiceName, "app", "app-dev", _site.BaseUrl.ToString().TrimEnd('/'), strategy, strategy is null ? null : TestUrl, hooked ? Gate : null, preDeploy, secrets);
        var file = AppliedInfrastructureFile.For(paths, environment).FullPath;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, AppliedInfrastructureFile.Json(applied));
    }

    public void Dispose()
    {
        _site.Dispose();
        _testListener.Dispose();
        Ecs.Dispose();
        Ssm.Dispose();
        Build.Dispose();
    }

    private static async Task ServeAsync(HttpListenerContext context, string version)
    {
        var (type, body) = context.Request.Url!.AbsolutePath switch
        {
            "/version" => ("application/json", $"{{\"version\":\"{version}\",\"commit\":\"0123abc\"}}"),
            "/health" => ("text/plain", "Healthy"),
            _ => ("text/html", "<!doctype html><html lang=\"en\"><title>App</title><main>App</main></html>"),
        };
        context.Response.ContentType = type;
        var bytes = Encoding.UTF8.GetBytes(body);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
