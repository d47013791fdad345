namespace Build.Stages.Infrastructure;

/// <summary>
/// A saved plan made in this run: which environment, which file, its checksum and what it changes. An offline plan
/// (made with offline_mode = true, the local backend) is for review only: Apply refuses it.
/// </summary>
public sealed record PlanResult(string Environment, TerraformWorkspace Workspace, string Sha256, PlanSummary Summary, bool Offline);
