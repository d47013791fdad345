using Build.Parameters;
using Build.Tests.Support;
using Build.Tools.Docker;
using Cake.Core;

namespace Build.Tests.Stages.Deploy;

/// <summary>What Deploy reads and refuses before it touches a container: inspect output, its parameters, a cloud environment.</summary>
public sealed class DeployInputTests : IDisposable
{
    private readonly BuildProcess _build = new();

    public void Dispose() => _build.Dispose();

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

    [Theory]
    [InlineData("--deploy-port", "80", "Invalid --deploy-port '80': use a whole number from 1024 to 65535.")]
    [InlineData("--health-timeout", "0", "Invalid --health-timeout '0': use a whole number from 1 to 600.")]
    public void Deploy_parameters_out_of_range_are_usage_errors(string name, string value, string expected)
    {
        var arguments = new CakeArguments(new[] { (Name: name.TrimStart('-'), Value: value) }.ToLookup(pair => pair.Name, pair => pair.Value, StringComparer.OrdinalIgnoreCase));

        var error = Assert.Throws<CakeException>(() => DeployParameters.Parse(new ArgumentReader(arguments)));

        Assert.Equal(2, error.ExitCode);
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void A_cloud_deploy_is_refused_before_any_task_runs()
    {
        var run = _build.Run("--target", "Deploy", "--environment", "dev");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Deploy to 'dev' (ECS) is not built yet; Deploy runs the local environment only.", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Compile", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_build.Artifacts, "build-report.json")), "a report was written although nothing ran");
    }
}
