using Build.Core;
using Build.Core.Prerequisites;

namespace Build.Stages.Image;

/// <summary>Image builds with the Docker engine.</summary>
public sealed class ImageTools : StageTools<ImageTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context) => [Prerequisite.DockerEngine];
}
