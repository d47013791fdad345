using Build.Core;
using Build.Core.Prerequisites;
using Build.Tools.Machine;

namespace Build.Stages.Push;

/// <summary>
/// Push goes through the Docker engine; the local environment's registry (--registry) is one the build can start
/// when it is on this machine's loopback, and is only noted when it is elsewhere. ECR is checked by Push's precondition.
/// </summary>
public sealed class PushTools : StageTools<PushTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.BuildEnvironment.IsLocal)
        {
            return [Prerequisite.DockerEngine];
        }

        var registry = context.Parameters.Image.Registry;
        return [Prerequisite.DockerEngine, RegistryAddress.IsLoopback(registry) ? Prerequisite.LocalRegistry(registry) : Prerequisite.RemoteRegistry(registry)];
    }
}
