using Build.Core;
using Build.Core.Prerequisites;

namespace Build.Stages.Deploy;

/// <summary>Deploy runs the image as a container of this machine's Docker engine.</summary>
public sealed class DeployTools : StageTools<DeployTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context) => [Prerequisite.DockerEngine];
}
