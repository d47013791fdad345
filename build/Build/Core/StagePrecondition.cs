using Cake.Frosting;

namespace Build.Core;

/// <summary>A stage precondition for <typeparamref name="TTask"/>; override the phase(s) the stage needs.</summary>
public abstract class StagePrecondition<TTask> : IStagePrecondition
    where TTask : IFrostingTask
{
    public Type TaskType => typeof(TTask);

    public virtual void Refuse(BuildContext context)
    {
    }

    public virtual Task PrepareAsync(BuildContext context, CancellationToken cancellation) => Task.CompletedTask;
}
