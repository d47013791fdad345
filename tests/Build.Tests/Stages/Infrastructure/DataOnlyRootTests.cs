using System.Diagnostics;
using System.Text.Json;
using Build.Stages.Infrastructure;
using Build.Tests.Support;
using Build.Tools.Terraform;
using Cake.Core.IO;
using Path = System.IO.Path;

namespace Build.Tests.Stages.Infrastructure;

/// <summary>The real terraform binary on a provider-free root: saved plans, staleness, locks and exit codes.</summary>
[Integration("terraform")]
public sealed class DataOnlyRootTests : IDisposable
{
    private readonly TerraformHarness _harness = new();
    private readonly TerraformWorkspace _workspace;

    public DataOnlyRootTests()
    {
        _workspace = _harness.Workspace(Path.Combine(AppContext.BaseDirectory, "Fixtures", "terraform", "data-only"), "dev");
        _harness.Init(_workspace);
    }

    public void Dispose() => _harness.Dispose();

    private TerraformResult PlanRevision(string revision, FilePath planFile, string lockTimeout = "10s")
    {
        var plan = new TerraformPlanSettings { OutFile = planFile, LockTimeout = lockTimeout };
        plan.Variables["revision"] = revision;
        return _harness.Run(_workspace, plan, TerraformArguments.Plan(plan));
    }

    private TerraformResult ApplyPlan(FilePath planFile)
    {
        var apply = new TerraformApplySettings { PlanFile = planFile };
        return _harness.Run(_workspace, apply, TerraformArguments.Apply(apply));
    }

    private FilePath PlanFile(string name) => _workspace.Artifacts.CombineWithFilePath(name);

    [Fact]
    public void Plan_exit_codes_mean_changes_then_no_changes_after_the_saved_plan_is_applied()
    {
        var first = PlanRevision("r1", PlanFile("r1.tfplan"));
        Assert.True(first.ExitCode == 2, first.Text);

        var applied = ApplyPlan(PlanFile("r1.tfplan"));
        Assert.True(applied.ExitCode == 0, applied.Text);

        var again = PlanRevision("r1", PlanFile("again.tfplan"));
        Assert.True(again.ExitCode == 0, again.Text);

        var outputs = TerraformOutputs.Parse(_harness.Run(_workspace, new TerraformSettings(), TerraformArguments.OutputJson()).Text, _ => { });
        Assert.Equal("r1", outputs.All["revision"]);
    }

    [Fact]
    public void An_invalid_configuration_is_exit_code_1_with_its_error()
    {
        var plan = new TerraformPlanSettings { OutFile = PlanFile("bad.tfplan") };
        plan.Variables["no_such_variable"] = "x";

        var result = _harness.Run(_workspace, plan, TerraformArguments.Plan(plan));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error:", TerraformErrors.FirstError(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stale_saved_plan_is_rejected_and_recognised()
    {
        Assert.Equal(2, PlanRevision("a", PlanFile("a.tfplan")).ExitCode);
        Assert.Equal(2, PlanRevision("b", PlanFile("b.tfplan")).ExitCode);
        Assert.Equal(0, ApplyPlan(PlanFile("b.tfplan")).ExitCode);

        var stale = ApplyPlan(PlanFile("a.tfplan"));

        Assert.Equal(1, stale.ExitCode);
        Assert.True(TerraformErrors.IsStalePlan(stale), stale.Text);
        var outputs = TerraformOutputs.Parse(_harness.Run(_workspace, new TerraformSettings(), TerraformArguments.OutputJson()).Text, _ => { });
        Assert.Equal("b", outputs.All["revision"]);
    }

    [Fact]
    public void A_lock_held_by_another_process_is_waited_on_then_reported_with_its_lock_id()
    {
        Assert.Equal(2, PlanRevision("seed", PlanFile("seed.tfplan")).ExitCode);
        Assert.Equal(0, ApplyPlan(PlanFile("seed.tfplan")).ExitCode);
        using var holder = HoldStateLock();
        var lockInfo = WaitForLockInfo();

        var locked = PlanRevision("other", PlanFile("locked.tfplan"), lockTimeout: "2s");

        Assert.Equal(1, locked.ExitCode);
        Assert.Equal(lockInfo, TerraformErrors.LockId(locked));
    }

    /// <summary>An apply whose provisioner sleeps holds the state lock meanwhile.</summary>
    private LockHolder HoldStateLock()
    {
        var settings = _harness.Settings(_workspace, new TerraformSettings());
        var start = new ProcessStartInfo("terraform", ["apply", "-auto-approve", "-input=false", "-no-color", "-var", "revision=holding", "-var", "hold_seconds=60"])
        {
            WorkingDirectory = _workspace.WorkingDirectory.FullPath,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in settings.EnvironmentVariables)
        {
            start.Environment[name] = value;
        }

        return new LockHolder(Process.Start(start)!);
    }

    private string WaitForLockInfo()
    {
        var folder = _harness.CacheRoot.Combine("state").FullPath;
        var state = Directory.GetFiles(folder, "*.lock.info");
        for (var attempt = 0; attempt < 100 && state.Length == 0; attempt++)
        {
            Thread.Sleep(100);
            state = Directory.GetFiles(folder, "*.lock.info");
        }

        Assert.True(state.Length == 1, "The holding apply did not take the state lock within 10 s.");
        using var info = JsonDocument.Parse(File.ReadAllText(state[0]));
        return info.RootElement.GetProperty("ID").GetString()!;
    }

    private sealed class LockHolder(Process process) : IDisposable
    {
        public void Dispose()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }
    }
}
