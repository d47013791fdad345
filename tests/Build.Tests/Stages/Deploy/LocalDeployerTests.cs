using System.Net;
using System.Net.Sockets;
using Build.Stages.Deploy;
using Build.Stages.Image;
using Build.Tests.Stages.Image;
using Build.Tests.Support;
using Build.Tools.Docker;
using Cake.Core;

namespace Build.Tests.Stages.Deploy;

/// <summary>The local environment's deploy against the real engine: replace, health, smoke test, and the rollback.</summary>
[Collection(DockerEngineGroup.Name)]
[Integration("docker engine")]
public sealed class LocalDeployerTests : IDisposable
{
    private const string Version = "1.2.3-test";

    private readonly DockerEngineFixture _docker;
    private readonly string _container;
    private readonly int _port = DockerEngineFixture.FreePort();

    public LocalDeployerTests(DockerEngineFixture docker)
    {
        _docker = docker;
        _container = $"build-tests-deploy-{docker.RunId}-{Guid.NewGuid().ToString("N")[..4]}";
    }

    private DockerContainers Containers => _docker.Context.DockerContainers();

    public void Dispose()
    {
        if (_docker.EngineAnswers)
        {
            Containers.Remove(_container, new DockerContainerSettings());
            Containers.Remove($"{_container}-previous", new DockerContainerSettings());
        }
    }

    [Fact]
    public async Task A_healthy_image_replaces_the_running_one_and_answers_with_its_version()
    {
        _docker.RequireEngine();
        var image = Good();

        var first = await LocalDeployer.DeployAsync(_docker.Context, Request(image.Id), CancellationToken.None);
        var second = await LocalDeployer.DeployAsync(_docker.Context, Request(image.Id), CancellationToken.None);

        Assert.Null(first.PreviousImage);
        Assert.Equal(image.Id, second.PreviousImage);
        Assert.NotEqual(first.ContainerId, second.ContainerId);
        Assert.Contains($"/version reports {Version} (0123456789abcdef0123456789abcdef01234567)", second.Checks);
        var running = Containers.Inspect(_container, new DockerContainerSettings());
        Assert.True(running is { Running: true }, "the new container is not running");
        Assert.Equal(second.ContainerId, running.Id);
        Assert.Null(Containers.Inspect($"{_container}-previous", new DockerContainerSettings()));
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(second.Url, "health"))).StatusCode);
    }

    [Fact]
    public async Task An_image_that_never_answers_health_is_rolled_back_and_the_deploy_still_fails()
    {
        _docker.RequireEngine();
        var good = Good();
        var deployed = await LocalDeployer.DeployAsync(_docker.Context, Request(good.Id), CancellationToken.None);
        var broken = Broken(good);

        var error = await Assert.ThrowsAsync<CakeException>(() => LocalDeployer.DeployAsync(_docker.Context, Request(broken), CancellationToken.None));

        Assert.True(error.Message.StartsWith($"Deploy of {broken} failed: container {_container} exited (exit code ", StringComparison.Ordinal), error.Message);
        Assert.EndsWith($"rolled back to {good.Id}, which answers /health again.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        var running = Containers.Inspect(_container, new DockerContainerSettings());
        Assert.True(running is { Running: true }, "the earlier container is not running again");
        Assert.Equal(deployed.ContainerId, running.Id);
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(deployed.Url, "health"))).StatusCode);
    }

    [Fact]
    public async Task A_container_that_reports_another_version_fails_the_smoke_test_and_nothing_is_left_running_without_an_earlier_one()
    {
        _docker.RequireEngine();
        var image = Good();

        var error = await Assert.ThrowsAsync<CakeException>(() => LocalDeployer.DeployAsync(_docker.Context, Request(image.Id) with { ExpectedVersion = "9.9.9" }, CancellationToken.None));

        Assert.Equal($"Deploy of {image.Id} failed: /version reports {Version}, not 9.9.9: the container runs another build; there was no earlier container to restore, so nothing runs on port {_port}.", error.Message);
        Assert.Null(Containers.Inspect(_container, new DockerContainerSettings()));
    }

    [Fact]
    public async Task A_smoke_test_failure_rolls_back_to_the_earlier_container_and_fails()
    {
        _docker.RequireEngine();
        var image = Good();
        var deployed = await LocalDeployer.DeployAsync(_docker.Context, Request(image.Id), CancellationToken.None);

        var error = await Assert.ThrowsAsync<CakeException>(() => LocalDeployer.DeployAsync(_docker.Context, Request(image.Id) with { ExpectedVersion = "9.9.9" }, CancellationToken.None));

        Assert.Equal($"Deploy of {image.Id} failed: /version reports {Version}, not 9.9.9: the container runs another build; rolled back to {image.Id}, which answers /health again.", error.Message);
        Assert.Equal(deployed.ContainerId, Containers.Inspect(_container, new DockerContainerSettings())?.Id);
    }

    [Fact]
    public async Task A_deploy_interrupted_mid_way_is_recovered_from_the_container_it_left_behind()
    {
        _docker.RequireEngine();
        var image = Good();
        var lastGood = await LocalDeployer.DeployAsync(_docker.Context, Request(image.Id), CancellationToken.None);

        // What a run killed during its health wait leaves: the live container renamed and stopped, an unproven one running.
        var settings = new DockerContainerSettings();
        Containers.Rename(_container, $"{_container}-previous", settings);
        Containers.Stop($"{_container}-previous", TimeSpan.FromSeconds(5), settings);
        var unproven = new DockerRunSettings { Name = _container };
        _docker.Context.DockerRun(image.Id, unproven);

        var deployed = await LocalDeployer.DeployAsync(_docker.Context, Request(image.Id), CancellationToken.None);

        Assert.Equal(image.Id, deployed.PreviousImage);
        Assert.NotEqual(lastGood.ContainerId, deployed.ContainerId);
        Assert.Null(Containers.Inspect($"{_container}-previous", settings));
        Assert.Contains($"{_container}-previous was left by an interrupted deploy", _docker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_held_by_something_else_is_refused_before_anything_starts()
    {
        _docker.RequireEngine();
        using var squatter = new TcpListener(IPAddress.Loopback, _port);
        squatter.Start();

        var error = await Assert.ThrowsAsync<CakeException>(() => LocalDeployer.DeployAsync(_docker.Context, Request("sha256:unused"), CancellationToken.None));

        Assert.Equal($"Port {_port} on 127.0.0.1 is taken by something that is not this service's container: stop it, or pass --deploy-port.", error.Message);
        Assert.Null(Containers.Inspect(_container, new DockerContainerSettings()));
    }

    private ImageBuildResult Good() => _docker.BuildAppImage($"deploy-tests-{_docker.RunId}", ["1.2.3-test"]);

    // The app image whose entry point is its own one-shot health probe: it exits at once, so it never serves /health.
    private string Broken(ImageBuildResult good)
    {
        var folder = Directory.CreateTempSubdirectory("broken-image-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "Dockerfile"), $"FROM {good.References[0]}\nENTRYPOINT [\"/app/App\", \"healthcheck\"]\n");
            var tag = $"deploy-tests-{_docker.RunId}:broken";
            var (exitCode, output) = DockerEngineFixture.Docker("build", "--quiet", "--tag", tag, folder.FullName);
            Assert.True(exitCode == 0, output);
            _docker.Track(tag);
            return tag;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private LocalDeployRequest Request(string image) => new(image, Version, _container, _port, TimeSpan.FromSeconds(30));
}
