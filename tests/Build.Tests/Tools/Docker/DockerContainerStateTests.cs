using Build.Tools.Docker;

namespace Build.Tests.Tools.Docker;

public sealed class DockerContainerStateTests
{
    [Fact]
    public void A_container_restarted_by_its_policy_counts_as_exited_although_docker_calls_it_running()
    {
        const string json = """[{"Id":"c0ffee","Name":"/app-local","Image":"sha256:1","RestartCount":2,"Config":{"Image":"127.0.0.1:5000/app@sha256:2"},"State":{"Status":"running","Running":true,"ExitCode":1}}]""";

        var state = DockerContainerState.Parse(json);

        Assert.Equal("app-local", state.Name);
        Assert.Equal("127.0.0.1:5000/app@sha256:2", state.ImageReference);
        Assert.True(state.Running);
        Assert.True(state.HasExited);
        Assert.False(DockerContainerState.Parse(json.Replace("\"RestartCount\":2", "\"RestartCount\":0", StringComparison.Ordinal)).HasExited);
    }
}
