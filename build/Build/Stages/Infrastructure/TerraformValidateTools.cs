using Build.Core;
using Build.Core.Prerequisites;

namespace Build.Stages.Infrastructure;

/// <summary>terraform init (which installs the AWS provider) and validate.</summary>
public sealed class TerraformValidateTools : StageTools<TerraformValidateTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context) => [Prerequisite.Terraform, Prerequisite.TerraformAwsProvider];
}
