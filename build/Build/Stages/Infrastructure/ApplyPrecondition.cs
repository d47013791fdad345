using Build.Core;

namespace Build.Stages.Infrastructure;

/// <summary>An offline plan (the local backend in a cloud environment) is for review only: a run that would apply one is refused before anything runs.</summary>
public sealed class ApplyPrecondition : StagePrecondition<ApplyTask>
{
    public override void Refuse(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Parameters.Terraform.Offline && !context.BuildEnvironment.IsLocal)
        {
            throw UsageError.Of(
                "--terraform-backend local plans in offline mode (no account lookups, fake credentials), for review only: Apply never applies such a plan. "
                + "Use --target Plan with it, or apply with --terraform-backend s3 (or emulator, with AWS_ENDPOINT_URL set to an AWS-compatible endpoint).");
        }
    }
}
