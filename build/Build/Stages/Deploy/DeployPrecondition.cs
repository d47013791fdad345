using Build.Core;

namespace Build.Stages.Deploy;

/// <summary>Deploy runs this machine's container only: a cloud environment's deploy (ECS) is refused before anything runs.</summary>
public sealed class DeployPrecondition : StagePrecondition<DeployTask>
{
    public override void Refuse(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.BuildEnvironment.IsLocal)
        {
            throw UsageError.Of($"Deploy to '{context.BuildEnvironment.Name}' (ECS) is not built yet; Deploy runs the local environment only. Use --target Push --environment {context.BuildEnvironment.Name} to publish the image.");
        }
    }
}
