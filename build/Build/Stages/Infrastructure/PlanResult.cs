using Build.Core;
using Build.Tools.Terraform;

namespace Build.Stages.Infrastructure;

/// <summary>
/// A saved plan made in this run: which environment, which file, its checksum and what it changes. An offline plan
/// (made with offline_mode = true, the local backend) is for review only: Apply refuses it. <see cref="Outcome"/> is what
/// terraform's exit code said: it also counts changes the summary does not list (output values), so Apply goes by it.
/// </summary>
public sealed record PlanResult(string Environment, TerraformWorkspace Workspace, string Sha256, PlanSummary Summary, bool Offline) : IStageResult
{
    public TerraformPlanOutcome Outcome { get; init; }

    public static string Missing => "There is no plan from this run to apply: run Plan and Apply together (--target Apply, without --exclusive); a saved plan is never re-planned silently.";
}
