using Build.Tests.Support;

namespace Build.Tests.Stages.Deploy;

/// <summary>What Deploy refuses before any task runs.</summary>
public sealed class DeployRefusalTests : IDisposable
{
    private readonly BuildProcess _build = new();

    public void Dispose() => _build.Dispose();

    [Fact]
    public void A_prod_deploy_without_approval_is_refused_before_any_task_runs_or_AWS_is_called()
    {
        var run = _build.Run("--target", "Deploy", "--environment", "prod");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Deploying to prod needs approval: pass --approve", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("ECR", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Compile", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_build.Artifacts, "build-report.json")), "a report was written although nothing ran");
    }
}
