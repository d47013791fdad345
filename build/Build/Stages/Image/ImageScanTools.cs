using Build.Core;
using Build.Core.Prerequisites;

namespace Build.Stages.Image;

/// <summary>ImageScan inspects and saves the image through the Docker engine.</summary>
public sealed class ImageScanTools : StageTools<ImageScanTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context) => [Prerequisite.DockerEngine];
}
