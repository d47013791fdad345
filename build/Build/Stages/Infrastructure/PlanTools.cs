using Build.Core;
using Build.Core.Prerequisites;

namespace Build.Stages.Infrastructure;

/// <summary>Plan runs terraform with the AWS provider for a cloud environment; it is skipped for local.</summary>
public sealed class PlanTools : StageTools<PlanTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context) => CloudTerraform(context);

    internal static IEnumerable<Prerequisite> CloudTerraform(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.BuildEnvironment.IsLocal ? [] : [Prerequisite.Terraform, Prerequisite.TerraformAwsProvider];
    }
}
