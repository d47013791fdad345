using Build.Core;
using Build.Core.Prerequisites;

namespace Build.Stages.Release;

/// <summary>A release reads history and tags, fetches, tags and pushes: git only.</summary>
public sealed class ReleaseTools : StageTools<ReleaseTask>
{
    public override IEnumerable<Prerequisite> Needs(BuildContext context) => [Prerequisite.Git];
}
