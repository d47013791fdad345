using Build.Core;
using Build.Core.Secrets;
using Build.Parameters;
using Build.Tools.Terraform;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Infrastructure;

[RunsAlone]
[TaskName("Apply")]
[TaskDescription("Applies the plan saved by Plan in this run (never re-plans); prod needs --approve; reads terraform outputs for Deploy.")]
[IsDependentOn(typeof(PlanTask))]
public sealed class ApplyTask : FrostingTask<BuildContext>
{
    public override List<CakeTaskCriteria> ShouldRunCriteria =>
        [new(context => !((BuildContext)context).BuildEnvironment.IsLocal, "The local environment has no cloud infrastructure (use --environment dev|staging|prod)")];

    public override void Run(BuildContext context)
    {
        var plan = SavedPlanOfThisRun(context.Results.Get<PlanResult>(), context.BuildEnvironment.Name);
        var stage = new TerraformStage(context);
        var workspace = plan.Workspace;
        if (plan.Outcome == TerraformPlanOutcome.Changes)
        {
            ProductionApproval.Require(context);
            ApplyPlan(context, stage, workspace);
        }
        else
        {
            context.Information("The plan for {0} has no changes; nothing to apply.", plan.Environment);
        }

        var output = stage.Settings(workspace, new TerraformSettings());
        var json = stage.Terraform.OutputJson(output);
        var outputs = TerraformOutputs.Parse(json, context.Secrets.Register);
        context.WriteArtifact(workspace.Artifacts.CombineWithFilePath("outputs.json"), json);
        var applied = AppliedInfrastructure.From(outputs, context.BuildEnvironment.Name, context.BuildVersion.Commit, DateTimeOffset.UtcNow);
        AppliedInfrastructureFile.Write(context, applied);
        context.Results.Set(applied);
        context.Report.AddOutput("publicUrl", outputs.PublicUrl);
    }

    /// <summary>The plan Apply may apply: made in this run, for this environment, online, and unchanged since.</summary>
    internal static PlanResult SavedPlanOfThisRun(PlanResult plan, string environment)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Environment != environment)
        {
            throw new CakeException($"The saved plan is for '{plan.Environment}', not '{environment}'.");
        }

        if (plan.Offline)
        {
            throw new CakeException(
                $"The plan for '{plan.Environment}' was made in offline mode (--{ArgumentNames.TerraformBackend} local, offline_mode = true): an offline plan is for review only and is never applied. "
                + $"Apply with --{ArgumentNames.TerraformBackend} s3, or emulator against an AWS-compatible endpoint.");
        }

        var file = plan.Workspace.PlanFile.FullPath;
        if (!File.Exists(file) || TerraformStage.Sha256Of(file) != plan.Sha256)
        {
            throw new CakeException($"The plan file {file} is missing or changed since Plan wrote it; run Plan again.");
        }

        return plan;
    }

    private static void ApplyPlan(BuildContext context, TerraformStage stage, TerraformWorkspace workspace)
    {
        var apply = stage.Settings(workspace, new TerraformApplySettings { PlanFile = workspace.PlanFile });
        var errored = workspace.WorkingDirectory.CombineWithFilePath("errored.tfstate").FullPath;
        File.Delete(errored);
        try
        {
            stage.Terraform.Apply(apply, $"terraform apply ({context.BuildEnvironment.Name})");
        }
        catch (CakeException) when (File.Exists(errored))
        {
            var kept = workspace.Artifacts.CombineWithFilePath("errored.tfstate").FullPath;
            File.Copy(errored, kept, overwrite: true);
            context.Error("Terraform could not save its state and wrote errored.tfstate; a copy is kept at {0}: push it with 'terraform state push' once the backend is reachable.", kept);
            throw;
        }
    }
}
