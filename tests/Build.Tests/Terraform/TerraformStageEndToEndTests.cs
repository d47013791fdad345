using System.Text.Json;
using Build.Tests.EndToEnd;
using Build.Tests.Support;

namespace Build.Tests.Terraform;

/// <summary>
/// The real Plan and Apply targets, run by the build app on a repository whose terraform/ is the provider-free
/// fixture root (local backend), so the whole stage runs offline: init, plan, show, apply, output.
/// </summary>
public sealed class TerraformStageEndToEndTests : IDisposable
{
    private readonly BuildProcess _build = new();

    public TerraformStageEndToEndTests()
    {
        var terraform = Directory.CreateDirectory(_build.Path("terraform", "environments")).Parent!.FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "terraform", "data-only", "main.tf"), Path.Combine(terraform, "main.tf"));
        foreach (var environment in new[] { "dev", "prod" })
        {
            File.WriteAllText(Path.Combine(terraform, "environments", $"{environment}.tfvars"), $"revision = \"{environment}-1\"\n");
        }
    }

    public void Dispose() => _build.Dispose();

    [Fact]
    [Integration("terraform")]
    public void Apply_applies_this_runs_plan_and_reads_the_outputs()
    {
        var run = _build.Run("--target", "Apply", "--environment", "dev", "--terraform-backend", "local");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Plan for dev: 2 to create, 0 to update, 0 to replace, 0 to destroy.", run.Output, StringComparison.Ordinal);
        using var outputs = JsonDocument.Parse(File.ReadAllText(_build.Path("artifacts", "terraform", "dev", "outputs.json")));
        Assert.Equal("dev-1", outputs.RootElement.GetProperty("revision").GetProperty("value").GetString());
        Assert.True(File.Exists(_build.Path("artifacts", "terraform", "dev", "plan-summary.json")));

        var again = _build.Run("--target", "Apply", "--environment", "dev", "--terraform-backend", "local");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("The plan for dev has no changes; nothing to apply.", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_without_a_plan_from_this_run_refuses_and_never_plans_silently()
    {
        var run = _build.Run("--target", "Apply", "--exclusive", "--environment", "dev", "--terraform-backend", "local");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("There is no plan from this run to apply", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(_build.Path("artifacts", "terraform", "dev", "tfplan")));
    }

    [Fact]
    [Integration("terraform")]
    public void Prod_needs_approval_and_applies_nothing_without_it()
    {
        var run = _build.Run("--target", "Apply", "--environment", "prod", "--terraform-backend", "local");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Applying to prod needs approval", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.False(File.Exists(_build.Path("artifacts", "terraform", "prod", "outputs.json")));

        var approved = _build.Run("--target", "Apply", "--environment", "prod", "--terraform-backend", "local", "--approve");

        Assert.True(approved.ExitCode == 0, approved.ToString());
    }

    [Fact]
    public void Plan_is_skipped_with_its_reason_for_the_local_environment()
    {
        var run = _build.Run("--target", "Apply", "--environment", "local");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The local environment has no cloud infrastructure", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_lock_timeout_is_a_usage_error()
    {
        var run = _build.Run("--target", "Plan", "--environment", "dev", "--lock-timeout", "soon");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--lock-timeout", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
