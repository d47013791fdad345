using Build.Tools.Terraform;
using Cake.Core.IO;
using Cake.Frosting;
using Path = System.IO.Path;

namespace Build.Tests.Stages.Infrastructure;

/// <summary>The Error line of an interrupted terraform command: how it stopped, the state lock, what is left.</summary>
public sealed class TerraformInterruptionTests : IDisposable
{
    private readonly Interruption _interruption = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("tf-interrupt-").FullName;

    public TerraformInterruptionTests()
    {
        _interruption.TaskStarted("Plan");
        _interruption.Request("SIGINT");
    }

    public void Dispose()
    {
        _interruption.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private TerraformPlanSettings Plan() =>
        new() { OutFile = new FilePath(Path.Combine(_folder, "tfplan")), StateLockFile = new FilePath(Path.Combine(_folder, ".dev.tfstate.lock.info")) };

    [Fact]
    public void A_plan_that_stopped_and_unlocked_says_nothing_was_applied()
    {
        var line = TerraformInterruption.Describe(_interruption, "terraform plan (dev)", Plan(), new TerraformResult(1, ["Interrupt received.", "Error: execution halted"]));

        Assert.Equal("Interrupted (SIGINT) during Plan (terraform plan (dev)): terraform stopped (exit 1) and released the state lock; nothing was applied, and no plan was kept.", line);
    }

    [Fact]
    public void A_local_lock_file_left_behind_is_named_with_how_to_release_it_later()
    {
        var plan = Plan();
        File.WriteAllText(plan.StateLockFile!.FullPath, "{}");

        var line = TerraformInterruption.Describe(_interruption, "terraform plan (dev)", plan, new TerraformResult(1, []));

        Assert.Contains($"left the state lock {plan.StateLockFile.FullPath}", line, StringComparison.Ordinal);
        Assert.Contains("terraform force-unlock", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lock_terraform_could_not_release_is_named_by_its_id()
    {
        var result = new TerraformResult(1, ["Error releasing the state lock", "Lock Info:", "  ID:        4f1c7f0a-2b3c-4d5e-8f90-123456789abc"]);

        var line = TerraformInterruption.Describe(_interruption, "terraform apply (dev)", new TerraformApplySettings { PlanFile = new FilePath("tfplan") }, result);

        Assert.Contains("could not release the state lock (lock ID 4f1c7f0a-2b3c-4d5e-8f90-123456789abc)", line, StringComparison.Ordinal);
        Assert.EndsWith("the apply may be partial: terraform saved the state of what it changed; run Plan to see what remains.", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_that_finished_before_the_interrupt_took_effect_says_so_and_is_not_kept()
    {
        var line = TerraformInterruption.Describe(_interruption, "terraform plan (dev)", Plan(), new TerraformResult(2, []), finished: true);

        Assert.Equal("Interrupted (SIGINT) during Plan (terraform plan (dev)): terraform had already finished (exit 2) and released the state lock; nothing was applied, and no plan was kept.", line);
    }

    [Fact]
    public void A_command_that_takes_no_lock_says_nothing_about_one()
    {
        var line = TerraformInterruption.Describe(_interruption, "terraform init (dev)", new TerraformInitSettings(), new TerraformResult(130, []));

        Assert.Equal("Interrupted (SIGINT) during Plan (terraform init (dev)): terraform stopped (exit 130); nothing was planned or applied.", line);
    }
}
