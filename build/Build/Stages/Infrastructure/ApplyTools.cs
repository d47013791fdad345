using Build.Core;
using Build.Core.Prerequisites;

namespace Build.Stages.Infrastructure;

/// <summary>Apply runs terraform with the AWS provider for a cloud environment; it is skipped for local.</summary>
public sealed class ApplyTools : StageTools<ApplyTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context) => PlanTools.CloudTerraform(context);
}
