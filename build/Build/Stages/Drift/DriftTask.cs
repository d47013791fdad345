using System.Globalization;
using Build.Core;
using Build.Core.Ci;
using Build.Core.Secrets;
using Build.Parameters;
using Build.Stages.Infrastructure;
using Build.Stages.Prerequisites;
using Build.Tools.Terraform;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Drift;

/// <summary>
/// terraform plan -refresh-only for --environment: reads the real objects, compares them with the state and changes
/// neither (it never applies, and a plan writes no state; it takes the state lock like Plan, with --lock-timeout, so it
/// never reads a state an apply is halfway through). The saved plan holds the objects' values, so it stays in the
/// working copy and is deleted once read; what is kept is <see cref="DriftSummary"/>: addresses and attribute names.
/// </summary>
[ExclusiveUse(SharedResources.Terraform)]
[TaskName("Drift")]
[TaskDescription("terraform plan -refresh-only for --environment (changes nothing); fails listing each resource changed outside terraform and which attributes.")]
[IsDependentOn(typeof(PrerequisitesTask))]
public sealed class DriftTask : FrostingTask<BuildContext>
{
    public const string DriftFile = "drift.json";

    public override void Run(BuildContext context)
    {
        var environment = context.BuildEnvironment.Name;
        var stage = new TerraformStage(context);
        var workspace = stage.Prepare(environment, context.Parameters.Terraform.Backend);
        var planFile = workspace.Copy.CombineWithFilePath("drift.tfplan");
        string json;
        try
        {
            var init = stage.Settings(workspace, new TerraformInitSettings { BackendConfigFile = workspace.Backend == TerraformBackend.S3 ? workspace.BackendConfigFile : null });
            stage.Terraform.Init(init, $"terraform init ({environment})");
            var plan = stage.Settings(workspace, new TerraformPlanSettings { OutFile = planFile, RefreshOnly = true });
            plan.VarFiles.Add(workspace.VarFile);
            stage.Terraform.Plan(plan, $"terraform plan -refresh-only ({environment})");
            json = stage.Terraform.ShowJson(stage.Settings(workspace, new TerraformSettings()), planFile);
        }
        finally
        {
            File.Delete(planFile.FullPath);
        }

        var summary = DriftSummary.Parse(environment, json);
        Publish(context, summary);
        if (summary.HasDrift)
        {
            throw new CakeException(summary.ToFailureLine());
        }
    }

    private static void Publish(BuildContext context, DriftSummary summary)
    {
        context.WriteArtifact(
            context.Paths.DriftReports(summary.Environment).CombineWithFilePath(DriftFile),
            System.Text.Json.JsonSerializer.Serialize(summary, JsonDefaults.Indented));
        context.Information("Drift in {0}: {1}.", summary.Environment, summary.ToConsoleLine());
        foreach (var resource in summary.Resources)
        {
            context.Information("  {0} {1}", resource.Action, resource.Described);
            context.Ci.Annotate(new Annotation(AnnotationLevel.Error, $"Changed outside terraform in {summary.Environment}: {resource.Described}"));
        }

        context.Report.AddSection($"Terraform drift ({summary.Environment})", summary.ToMarkdown());
        context.Report.AddOutput("drifted", summary.Resources.Count.ToString(CultureInfo.InvariantCulture));
    }
}
