using Cake.Core;

namespace Cake.Frosting;

/// <summary>
/// Decides, just before a task would run, that it need not (its inputs have not changed since it last succeeded): the
/// task is then reported as skipped with the reason given. Told of every task that succeeded, to remember it.
/// Registered with <see cref="CakeHost.UseTaskSkipper{TSkipper}"/>; the engine asks it in real runs only.
/// </summary>
public interface ITaskSkipper
{
    /// <summary>Returns why <paramref name="task"/> need not run, or null to run it.</summary>
    string? SkipReason(IFrostingContext context, ICakeTaskInfo task);

    /// <summary>Called after <paramref name="task"/> ran and succeeded.</summary>
    void Succeeded(IFrostingContext context, ICakeTaskInfo task);
}
