using Build.Core;
using Build.Core.Prerequisites;

namespace Build.Stages.Lint;

/// <summary>Lint runs shellcheck on the scripts and terraform fmt on terraform/.</summary>
public sealed class LintTools : StageTools<LintTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context) => [Prerequisite.Shellcheck, Prerequisite.Terraform];
}
