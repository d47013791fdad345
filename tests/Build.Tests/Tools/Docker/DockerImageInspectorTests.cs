using Build.Tools.Docker;
using Cake.Core;

namespace Build.Tests.Tools.Docker;

public sealed class DockerImageInspectorTests : IDisposable
{
    private readonly DockerFixture _fixture = new();

    public static string RealInspectOutput => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "docker", "image-inspect.json"));

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void The_command_line_is_image_inspect_and_the_reference()
    {
        Assert.Equal("image inspect app:1.0.0", DockerImageInspector.GetArguments("app:1.0.0", new DockerImageInspectSettings()).Render());
    }

    [Fact]
    public void Real_inspect_output_gives_user_env_labels_size_tags_healthcheck_and_layers()
    {
        _fixture.ProcessRunner.Returns(0, RealInspectOutput.Split('\n'));

        var image = _fixture.Inspector().Inspect("app:6983c2cb5d0e", new DockerImageInspectSettings());

        Assert.NotNull(image);
        Assert.Equal("sha256:ed3d9981240c255756449ce5d27466eb73e05e7997789928ed722dc1a4e2c3ac", image.Id);
        Assert.Equal(125172452, image.Size);
        Assert.Contains("app:6983c2cb5d0e", image.RepoTags);
        Assert.Equal("1654:1654", image.Config.User);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", image.Config.Environment);
        Assert.Contains(new KeyValuePair<string, string>("APP_UID", "1654"), image.Config.EnvironmentVariables);
        Assert.Equal("0.0.0-alpha.0.10", image.Config.LabelsOrEmpty["org.opencontainers.image.version"]);
        Assert.NotNull(image.Config.Healthcheck);
        Assert.Equal(["CMD", "/app/App", "healthcheck"], image.Config.Healthcheck.Test);
        Assert.False(image.Config.Healthcheck.IsDisabled);
        Assert.Equal(TimeSpan.FromSeconds(30).Ticks * 100, image.Config.Healthcheck.Interval);
        Assert.Equal(4, image.RootFs.Layers.Count);
        Assert.Contains("8080/tcp", image.Config.ExposedPorts!.Keys);
    }

    [Fact]
    public void Nulls_for_empty_collections_become_empty_collections()
    {
        var image = DockerImageDetails.ParseInspectOutput("""[{"Id":"sha256:1","RepoTags":null,"RepoDigests":null,"Size":1,"Config":{"User":"","Env":null,"Labels":null},"RootFS":{"Type":"layers","Layers":["sha256:a"]}}]""");

        Assert.Empty(image.RepoTags);
        Assert.Empty(image.Config.Environment);
        Assert.Empty(image.Config.LabelsOrEmpty);
        Assert.Null(image.Config.Healthcheck);
    }

    [Fact]
    public void No_such_image_gives_null()
    {
        _fixture.ProcessRunner.Returns(1, "[]", "Error: No such image: app:missing");

        Assert.Null(_fixture.Inspector().Inspect("app:missing", new DockerImageInspectSettings()));
    }

    [Fact]
    public void Another_failure_is_one_line()
    {
        _fixture.ProcessRunner.Returns(1, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?");

        var error = Assert.Throws<CakeException>(() => _fixture.Inspector().Inspect("app:1", new DockerImageInspectSettings()));

        Assert.Equal("docker image inspect app:1 failed: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?", error.Message);
    }
}
