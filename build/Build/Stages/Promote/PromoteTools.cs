using Build.Core;
using Build.Core.Prerequisites;

namespace Build.Stages.Promote;

/// <summary>A promotion talks to ECR and the registries over HTTPS and reads git: no Docker engine, no build tools.</summary>
public sealed class PromoteTools : StageTools<PromoteTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context) => [Prerequisite.Git];
}
