using Build.Tools.Docker;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Tests.Tools.Docker;

public sealed class DockerToolTests : IDisposable
{
    private readonly DockerFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Every_docker_command_has_a_bounded_wait_by_default()
    {
        Assert.Equal(DockerSettings.DefaultTimeout, new DockerPushSettings().ToolTimeout);
        Assert.Equal(DockerSettings.DefaultTimeout, new DockerImageInspectSettings().ToolTimeout);
    }

    [Fact]
    public void Output_from_both_streams_is_captured_in_order_and_the_docker_executable_is_the_one_located()
    {
        _fixture.ProcessRunner.Returns(0, "[{\"Id\":\"sha256:1\",\"Size\":1,\"Config\":{},\"RootFS\":{\"Type\":\"layers\",\"Layers\":[]}}]");

        var image = _fixture.Inspector().Inspect("app:1", new DockerImageInspectSettings());

        Assert.Equal("sha256:1", image?.Id);
        var (tool, settings) = _fixture.ProcessRunner.Started[0];
        Assert.Equal(_fixture.ToolPath, tool.FullPath);
        Assert.True(settings.RedirectStandardOutput && settings.RedirectStandardError);
        Assert.Null(settings.StandardInput);
    }

    [Fact]
    public void A_build_that_outlives_its_timeout_is_stopped_with_one_line()
    {
        var runner = new HangingProcessRunner();
        var builder = new DockerImageBuilder(_fixture.FileSystem, _fixture.Environment, runner, _fixture.Tools, _fixture.Log);

        var error = Assert.Throws<CakeException>(() => builder.Build(new DirectoryPath("/ctx"), new DockerBuildSettings { ToolTimeout = TimeSpan.FromSeconds(1) }));

        Assert.Equal("docker build did not finish within 1 s and was stopped.", error.Message);
        Assert.True(runner.Killed);
    }

    private sealed class HangingProcessRunner : IProcessRunner
    {
        public bool Killed { get; private set; }

        public IProcess Start(FilePath filePath, ProcessSettings settings) => new HangingProcess(this);

        private sealed class HangingProcess(HangingProcessRunner owner) : IProcess
        {
            public void Dispose()
            {
            }

            public int GetExitCode() => -1;

            public IEnumerable<string> GetStandardError() => [];

            public IEnumerable<string> GetStandardOutput() => [];

            public void Kill() => owner.Killed = true;

            public void WaitForExit()
            {
            }

            public bool WaitForExit(int milliseconds) => false;
        }
    }
}
