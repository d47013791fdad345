using Build.Core;
using Build.Parameters;
using Build.Stages.Infrastructure;

namespace Build.Stages.Deploy;

/// <summary>
/// A deploy to prod needs approval like Apply: where nobody can answer (CI, redirected input), a run without
/// --approve is refused before anything runs rather than after the whole pipeline.
/// </summary>
public sealed class DeployPrecondition : StagePrecondition<DeployTask>
{
    public override void Refuse(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.BuildEnvironment.IsProduction && !context.Parameters.Terraform.Approved && !ProductionApproval.CanAsk(context))
        {
            throw UsageError.Of($"Deploying to prod needs approval: pass --{ArgumentNames.Approve} (in CI, behind the environment's approval gate); nobody can answer the question here.");
        }
    }
}
