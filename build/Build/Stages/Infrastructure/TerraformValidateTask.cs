using Build.Core;
using Build.Core.Ci;
using Build.Parameters;
using Build.Stages.Lint;
using Build.Stages.Prerequisites;
using Build.Tools.Terraform;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Infrastructure;

[ExclusiveUse(SharedResources.Terraform)]
[TaskName("TerraformValidate")]
[TaskDescription("terraform fmt -check and validate of terraform/ (init without a backend; part of Lint).")]
[IsDependentOn(typeof(PrerequisitesTask))]
[IsDependeeOf(typeof(LintTask))]
public sealed class TerraformValidateTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var findings = TerraformFormatLinter.Run(context, context.Paths.Terraform);
        foreach (var finding in findings)
        {
            context.Ci.Annotate(new Annotation(AnnotationLevel.Error, finding.Message, finding.File, finding.Line));
        }

        if (findings.Count > 0)
        {
            throw new CakeException($"terraform fmt: {string.Join(", ", findings.Select(finding => finding.File))} not in canonical format; run: terraform fmt -recursive terraform");
        }

        var stage = new TerraformStage(context);
        var workspace = stage.Prepare("validate", TerraformBackend.None);
        var init = stage.Settings(workspace, new TerraformInitSettings { Backend = false });
        init.OutputLine = null;
        stage.Terraform.Init(init, "terraform init");
        stage.Terraform.Validate(stage.Settings(workspace, new TerraformSettings()));
    }
}
