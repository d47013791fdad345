using Build.Core;
using Build.Core.Prerequisites;
using Build.Stages.Infrastructure;

namespace Build.Stages.Drift;

/// <summary>Drift runs terraform with the AWS provider, as Plan does.</summary>
public sealed class DriftTools : StageTools<DriftTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context) => PlanTools.CloudTerraform(context);
}
