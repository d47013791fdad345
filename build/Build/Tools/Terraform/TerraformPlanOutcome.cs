namespace Build.Tools.Terraform;

/// <summary>What terraform plan -detailed-exitcode answered.</summary>
public enum TerraformPlanOutcome
{
    NoChanges,
    Changes,
}
