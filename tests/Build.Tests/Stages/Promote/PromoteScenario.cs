using Build.Tests.Stages.Deploy;
using Build.Tests.Stages.Push;
using Build.Tests.Support;
using Build.Tests.Tools.Aws;
using Build.Tests.Tools.Registry;

namespace Build.Tests.Stages.Promote;

/// <summary>
/// What a release job meets: a committed checkout tagged v1.4.0, the fake ECR (AWS_ENDPOINT_URL_ECR) whose data plane
/// is a real registry behind a recording proxy, dev's repository holding this commit's image (written into the
/// registry as an earlier push left it), an empty staging and prod repository, and the fake ECS and a site for the
/// Deploy that follows (<see cref="EcsDeployScenario"/>).
/// </summary>
public sealed class PromoteScenario : IDisposable
{
    public const string Version = "1.4.0";

    public PromoteScenario()
    {
        Registry = new AuthenticatedRegistry(FakeEcr.RegistryPassword);
        Proxy = new RecordingRegistryProxy(Registry.Address);
        Ecr.UseRegistry(Proxy.Address, Registry.SignedInClient);
        Dev = Ecr.AddRepository("app-dev", immutableTags: true);
        Staging = Ecr.AddRepository("app-staging", immutableTags: true);
        Prod = Ecr.AddRepository("app-prod", immutableTags: true);
        Commit = RecordedGates.CommitRoot(Build);
        TempGitRepository.Run(Build.Root, "tag", $"v{Version}");
        Build.Environment["AWS_ENDPOINT_URL_ECR"] = Ecr.Endpoint.ToString();
        Deploys.ServedVersion = Version;
        Client = Registry.SignedInClient();
    }

    public EcsDeployScenario Deploys { get; } = new();

    public BuildProcess Build => Deploys.Build;

    public FakeEcr Ecr { get; } = new();

    public AuthenticatedRegistry Registry { get; }

    public RecordingRegistryProxy Proxy { get; }

    /// <summary>Gets a client signed in to the registry, to read it directly (not through the proxy).</summary>
    public HttpClient Client { get; }

    public FakeEcrRepository Dev { get; }

    public FakeEcrRepository Staging { get; }

    public FakeEcrRepository Prod { get; }

    /// <summary>Gets HEAD of the checkout.</summary>
    public string Commit { get; }

    public string ShortCommit => Commit[..12];

    /// <summary>An image built from <paramref name="revision"/> (HEAD when null), as Push left it in <paramref name="repository"/> under the version and the commit tag.</summary>
    public SyntheticImage PushedTo(string repository, string? revision = null, string version = Version, IReadOnlyList<string>? tags = null)
    {
        var image = SyntheticImage.Create(
            new Dictionary<string, string> { ["org.opencontainers.image.revision"] = revision ?? Commit, ["org.opencontainers.image.version"] = version },
            1_200_000,
            150_000,
            20_000);
        image.WriteTo(Client, Registry.Address, repository, tags ?? [version, ShortCommit]);
        return image;
    }

    /// <summary>Runs Promote with the fake ECR's keys (the fake ECS has others).</summary>
    public BuildProcessRun Promote(string environment, params string[] more)
    {
        Build.Environment["AWS_ACCESS_KEY_ID"] = FakeEcr.AccessKey;
        Build.Environment["AWS_SECRET_ACCESS_KEY"] = FakeEcr.SecretKey;
        return Build.Run(TimeSpan.FromMinutes(3), ["--target", "Promote", "--environment", environment, "--scan-timeout", "60", .. more]);
    }

    /// <summary>Runs <c>Deploy --exclusive</c> with the fake ECS's keys, after Apply's record for <paramref name="environment"/>.</summary>
    public BuildProcessRun Deploy(string environment)
    {
        Deploys.RecordInfrastructure(environment);
        Build.Environment["AWS_ACCESS_KEY_ID"] = FakeEcs.AccessKey;
        Build.Environment["AWS_SECRET_ACCESS_KEY"] = FakeEcs.SecretKey;
        return Deploys.Deploy(environment);
    }

    /// <summary>The requests that wrote to <paramref name="repository"/> through the registry API (blob uploads and mounts, manifests).</summary>
    public IReadOnlyList<ProxiedRequest> WritesTo(string repository) =>
        [.. Proxy.Requests.Where(request => request.Method is "POST" or "PATCH" or "PUT" && request.PathAndQuery.StartsWith($"/v2/{repository}/", StringComparison.Ordinal))];

    public void Dispose()
    {
        Client.Dispose();
        Proxy.Dispose();
        Registry.Dispose();
        Ecr.Dispose();
        Deploys.Dispose();
    }
}
