using System.Globalization;
using Build.Core;
using Build.Core.Secrets;
using Build.Parameters;
using Build.Stages.Versioning;
using Build.Tools.Terraform;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Infrastructure;

[ExclusiveUse(SharedResources.Terraform)]
[TaskName("Plan")]
[TaskDescription("terraform init + plan -out for --environment; summary of creates/updates/replaces/destroys; protected resources need --allow-destroy.")]
[IsDependentOn(typeof(VersionTask))]
public sealed class PlanTask : FrostingTask<BuildContext>
{
    public override List<CakeTaskCriteria> ShouldRunCriteria =>
        [new(context => !((BuildContext)context).BuildEnvironment.IsLocal, "The local environment has no cloud infrastructure (use --environment dev|staging|prod)")];

    public override void Run(BuildContext context)
    {
        var parameters = context.Parameters.Terraform;
        var stage = new TerraformStage(context);
        var workspace = stage.Prepare(context.BuildEnvironment.Name, parameters.Backend);

        // A plan file of an earlier run must never sit here for Apply, nor one this run did not finish.
        DeletePlanOutputs(workspace);
        try
        {
            MakePlan(context, stage, workspace);
        }
        catch (CakeException failure) when (failure.ExitCode == Interruption.ExitCode)
        {
            DeletePlanOutputs(workspace);
            throw;
        }
        catch (Exception) when (context.Results.TryGet<PlanResult>() is null)
        {
            // Terraform writes a plan file even when planning failed; keep plan.json for review, never the plan itself.
            File.Delete(workspace.PlanFile.FullPath);
            throw;
        }
    }

    private static void MakePlan(BuildContext context, TerraformStage stage, TerraformWorkspace workspace)
    {
        var parameters = context.Parameters.Terraform;
        var init = stage.Settings(workspace, new TerraformInitSettings { BackendConfigFile = parameters.Backend == TerraformBackend.S3 ? workspace.BackendConfigFile : null });
        stage.Terraform.Init(init, $"terraform init ({context.BuildEnvironment.Name})");

        var plan = stage.Settings(workspace, new TerraformPlanSettings { OutFile = workspace.PlanFile });
        plan.VarFiles.Add(workspace.VarFile);
        if (parameters.Offline)
        {
            // Offline work: fake credentials, no account lookups (see terraform/README.md). Such a plan is never applied.
            plan.Variables["offline_mode"] = "true";
        }

        var outcome = stage.Terraform.Plan(plan, $"terraform plan ({context.BuildEnvironment.Name})");

        var show = stage.Settings(workspace, new TerraformSettings());
        var json = stage.Terraform.ShowJson(show, workspace.PlanFile);
        context.WriteArtifact(workspace.Artifacts.CombineWithFilePath("plan.json"), json);
        var summary = PlanSummary.Parse(json);
        context.WriteArtifact(
            workspace.Artifacts.CombineWithFilePath("plan-summary.json"),
            System.Text.Json.JsonSerializer.Serialize(summary, JsonDefaults.Indented));
        Publish(context, summary);

        var threatened = ProtectedResources.Threatened(summary);
        if (threatened.Count > 0 && !parameters.AllowDestroy)
        {
            throw new CakeException(
                $"The plan would {string.Join(", ", threatened.Select(change => $"{change.Action} {change.Address}"))}: protected resources; "
                + $"review the plan and rerun with --{ArgumentNames.AllowDestroy} if this is intended.");
        }

        Interruption.Current.ThrowIfRequested($"during Plan, after terraform planned {context.BuildEnvironment.Name}; the plan was not kept");
        context.Results.Set(new PlanResult(context.BuildEnvironment.Name, workspace, TerraformStage.Sha256Of(workspace.PlanFile.FullPath), summary, parameters.Offline) { Outcome = outcome });
    }

    private static void DeletePlanOutputs(TerraformWorkspace workspace)
    {
        foreach (var file in workspace.PlanOutputs)
        {
            File.Delete(file.FullPath);
        }
    }

    private static void Publish(BuildContext context, PlanSummary summary)
    {
        context.Information("Plan for {0}: {1}.", context.BuildEnvironment.Name, summary.ToConsoleLine());
        foreach (var change in summary.Changes)
        {
            context.Verbose("  {0} {1}", change.Action, change.Address);
        }

        context.Report.AddSection($"Terraform plan ({context.BuildEnvironment.Name})", summary.ToMarkdown(context.BuildEnvironment.Name));
        foreach (var action in new[] { PlanSummary.Create, PlanSummary.Update, PlanSummary.Replace, PlanSummary.Destroy })
        {
            context.Report.AddOutput(action, summary.Count(action).ToString(CultureInfo.InvariantCulture));
        }
    }
}
