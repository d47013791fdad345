using System.Globalization;
using System.Text.Json;
using Build.Stages.Image;
using Build.Stages.Push;
using Build.Tests.Stages.Image;
using Build.Tests.Support;
using Build.Tools.Docker;
using Cake.Core.IO;

namespace Build.Tests.Stages.Deploy;

/// <summary><c>Build.dll --target Deploy --exclusive</c> as a user runs it: the image Push recorded runs, answers, and is recorded.</summary>
[Collection(DockerEngineGroup.Name)]
[Integration("docker engine and the registry on 127.0.0.1:5000")]
public sealed class DeployEndToEndTests : IDisposable
{
    private static readonly TimeSpan DeployTimeout = TimeSpan.FromMinutes(3);

    private readonly DockerEngineFixture _docker;
    private readonly BuildProcess _build = new();
    private readonly string _repository;
    private readonly int _port = DockerEngineFixture.FreePort();

    public DeployEndToEndTests(DockerEngineFixture docker)
    {
        _docker = docker;
        _repository = $"deploy-e2e-{docker.RunId}-{Guid.NewGuid().ToString("N")[..4]}";
    }

    private string Container => $"{_repository}-local";

    public void Dispose()
    {
        if (_docker.EngineAnswers)
        {
            _docker.Context.DockerContainers().Remove(Container, new DockerContainerSettings());
        }

        _build.Dispose();
    }

    [Fact]
    public async Task Deploy_runs_the_pushed_digest_checks_it_and_records_it_then_refuses_a_record_of_another_image()
    {
        _docker.RequireRegistry();
        var image = _docker.BuildAppImage(_repository, ["1.2.3-test"]);
        _docker.Track($"{DockerEngineFixture.Registry}/{_repository}:1.2.3-test");
        var pushed = await LocalRegistryPublisher.PushAsync(_docker.Context, image, DockerEngineFixture.Registry, pushSettings: null, CancellationToken.None);
        var images = _build.Path("artifacts", "image");
        Directory.CreateDirectory(images);
        ImageRecordFile.Write(new FilePath(System.IO.Path.Combine(images, "image.json")), image);
        File.WriteAllText(System.IO.Path.Combine(images, "pushed-local.json"), PushedImageFile.Json(PushedImageFile.Of("local", pushed, image, commit: null)));
        RecordedGates.RecordAllPassed(_build, image.Id);

        var run = _build.Run(DeployTimeout, "--target", "Deploy", "--exclusive", "--deploy-port", _port.ToString(CultureInfo.InvariantCulture));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Deploying {pushed.Reference} as container {Container} on http://127.0.0.1:{_port}/", run.Output, StringComparison.Ordinal);
        using var record = JsonDocument.Parse(File.ReadAllText(_build.Path("artifacts", "deploy", "local.json")));
        Assert.Equal(pushed.Reference, record.RootElement.GetProperty("image").GetString());
        Assert.Equal("1.2.3-test", record.RootElement.GetProperty("version").GetString());
        using var http = new HttpClient();
        Assert.Contains("\"version\":\"1.2.3-test\"", await http.GetStringAsync(new Uri($"http://127.0.0.1:{_port}/version")), StringComparison.Ordinal);

        // A push record of another image (an Image run since, say) is refused before the running container is touched,
        // so the deploy record still describes what runs.
        ImageRecordFile.Write(new FilePath(System.IO.Path.Combine(images, "image.json")), image with { Id = "sha256:" + new string('0', 64) });

        var refused = _build.Run(DeployTimeout, "--target", "Deploy", "--exclusive", "--deploy-port", _port.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("records a push of image " + image.Id + " to 'local', not of this image", refused.All, StringComparison.Ordinal);
        Assert.True(File.Exists(_build.Path("artifacts", "deploy", "local.json")), "the record of what still runs was lost although nothing changed");
        Assert.Contains("\"version\":\"1.2.3-test\"", await http.GetStringAsync(new Uri($"http://127.0.0.1:{_port}/version")), StringComparison.Ordinal);
    }
}
