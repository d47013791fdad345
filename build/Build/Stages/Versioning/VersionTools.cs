using Build.Core;
using Build.Core.Prerequisites;

namespace Build.Stages.Versioning;

/// <summary>The version comes from git tags and history.</summary>
public sealed class VersionTools : StageTools<VersionTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context) => [Prerequisite.Git];
}
