using Build.Tools.Docker;
using Cake.Core.IO;

namespace Build.Tests.Tools.Docker;

/// <summary>The exact command line of each remaining docker command the build runs.</summary>
public sealed class DockerCommandLineTests : IDisposable
{
    private readonly DockerFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Tag()
    {
        _fixture.Tagger().Tag("app:1.0.0", "127.0.0.1:5000/app:1.0.0", new DockerTagSettings());

        Assert.Equal("tag app:1.0.0 127.0.0.1:5000/app:1.0.0", _fixture.Args);
    }

    [Fact]
    public void History_asks_for_the_untruncated_instructions()
    {
        Assert.Equal(
            "image history --no-trunc --format \"{{.CreatedBy}}\" app:1.0.0",
            DockerImageHistoryReader.GetArguments("app:1.0.0", new DockerImageHistorySettings()).Render());
    }

    [Fact]
    public void Save_writes_to_a_file()
    {
        Assert.Equal(
            "save --output \"/tmp/image.tar\" sha256:abc",
            DockerImageSaver.GetArguments("sha256:abc", new FilePath("/tmp/image.tar"), new DockerSaveSettings()).Render());
    }

    [Fact]
    public void Import_applies_each_change_and_returns_the_new_id()
    {
        var settings = new DockerImportSettings { Message = "app base" };
        settings.Changes.Add("ENV APP_UID=1654");
        settings.Changes.Add("ENV DOTNET_RUNNING_IN_CONTAINER=true");
        _fixture.ProcessRunner.Returns(0, "sha256:0123");

        var id = _fixture.Importer().Import(new FilePath("/tmp/rootfs.tar"), "app-base:debian12", settings);

        Assert.Equal("sha256:0123", id);
        Assert.Equal(
            "import --change \"ENV APP_UID=1654\" --change \"ENV DOTNET_RUNNING_IN_CONTAINER=true\" --message \"app base\" \"/tmp/rootfs.tar\" app-base:debian12",
            _fixture.Args);
    }

    [Fact]
    public void Engine_probe_reads_the_server_version_and_whether_buildx_exists()
    {
        _fixture.ProcessRunner.Returns(0, "20.10.24+dfsg1").Returns(1, "docker: unknown command: docker buildx");

        var status = _fixture.Probe().Probe(new DockerVersionSettings());

        Assert.Equal(new DockerEngineStatus("20.10.24+dfsg1", null, false), status);
        Assert.Equal("version --format \"{{.Server.Version}}\"", _fixture.ProcessRunner.Started[0].Settings.Arguments.Render());
        Assert.Equal("buildx version", _fixture.ProcessRunner.Started[1].Settings.Arguments.Render());
    }

    [Fact]
    public void Engine_probe_reports_the_client_error_when_no_engine_answers()
    {
        _fixture.ProcessRunner.Returns(1, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?").Returns(1);

        var status = _fixture.Probe().Probe(new DockerVersionSettings());

        Assert.False(status.IsRunning);
        Assert.StartsWith("Cannot connect to the Docker daemon", status.Error, StringComparison.Ordinal);
    }
}
