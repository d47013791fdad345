using Build.Tests.Support;

namespace Build.Tests.Stages.Deploy;

/// <summary>What Deploy refuses before any task runs.</summary>
public sealed class DeployRefusalTests : IDisposable
{
    private readonly BuildProcess _build = new();

    public void Dispose() => _build.Dispose();

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
