using Cake.Core;

namespace Cake.Frosting;

/// <summary>An asynchronous task that works on the standard Cake context.</summary>
public abstract class AsyncFrostingTask : AsyncFrostingTask<ICakeContext>;

/// <summary>An asynchronous task that works on a typed context.</summary>
public abstract class AsyncFrostingTask<T> : IFrostingTask
    where T : ICakeContext
{
    /// <summary>Gets criteria that skip the task, each with the reason shown in the report.</summary>
    public virtual List<CakeTaskCriteria> ShouldRunCriteria => [];

    /// <summary>Gets the reason reported when <see cref="ShouldRun(T)"/> returns false.</summary>
    public virtual string SkippedMessage => "ShouldRun returned false";

    IReadOnlyList<CakeTaskCriteria> IFrostingTask.ShouldRunCriteria => ShouldRunCriteria;

    public virtual Task RunAsync(T context) => Task.CompletedTask;

    public virtual bool ShouldRun(T context) => true;

    public virtual void OnError(Exception exception, T context)
    {
    }

    public virtual void Finally(T context)
    {
    }

    Task IFrostingTask.RunAsync(ICakeContext context) => RunAsync((T)context);

    bool IFrostingTask.ShouldRun(ICakeContext context) => ShouldRun((T)context);

    void IFrostingTask.OnError(Exception exception, ICakeContext context) => OnError(exception, (T)context);

    void IFrostingTask.Finally(ICakeContext context) => Finally((T)context);
}
