using Build.Core;
using Build.Core.Prerequisites;

namespace Build.Stages.Image;

/// <summary>BaseImage, when it runs, downloads Debian packages (apt-get download, so apt's package lists) and imports them into the engine.</summary>
public sealed class BaseImageTools : StageTools<BaseImageTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context) =>
        BaseImageTask.WillRun(context) ? [Prerequisite.DockerEngine, Prerequisite.AptPackageLists] : [];
}
