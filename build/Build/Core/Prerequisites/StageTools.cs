using Cake.Frosting;

namespace Build.Core.Prerequisites;

/// <summary>The machine needs of <typeparamref name="TTask"/>.</summary>
public abstract class StageTools<TTask> : IStageTools
    where TTask : IFrostingTask
{
    public Type TaskType => typeof(TTask);

    public abstract IEnumerable<Prerequisite> Needs(BuildContext context);
}
