using Build.Core;
using Build.Parameters;

namespace Build.Stages.Drift;

/// <summary>
/// Drift compares a cloud environment's real infrastructure with its state: the local environment has none, and the
/// local backend plans offline (fake credentials), so it cannot read the real objects. Both are refused before anything runs.
/// </summary>
public sealed class DriftPrecondition : StagePrecondition<DriftTask>
{
    public override void Refuse(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.BuildEnvironment.IsLocal)
        {
            throw UsageError.Of(
                $"Drift checks a cloud environment: pass --{ArgumentNames.Environment} {EnvironmentNames.Dev}|{EnvironmentNames.Staging}|{EnvironmentNames.Prod} "
                + $"(the {context.BuildEnvironment.Name} environment has no cloud infrastructure).");
        }

        if (context.Parameters.Terraform.Offline)
        {
            throw UsageError.Of(
                $"Drift reads the real infrastructure, and --{ArgumentNames.TerraformBackend} local plans offline (fake credentials): "
                + $"use --{ArgumentNames.TerraformBackend} s3 (or emulator, with AWS_ENDPOINT_URL set to an AWS-compatible endpoint).");
        }
    }
}
