namespace Build.Terraform;

/// <summary>A saved plan made in this run: which environment, which file, its checksum and what it changes.</summary>
public sealed record PlanResult(string Environment, TerraformWorkspace Workspace, string Sha256, PlanSummary Summary);
