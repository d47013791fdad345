namespace Cake.Frosting;

/// <summary>
/// Awaited by the host once the run's plan is known and before Cake runs it (before Setup), in a run and in a dry run;
/// not for <c>--tree</c> or <c>--description</c>. Cake's Setup is synchronous: a build that must call out (a registry,
/// a cloud API) before any task runs does it here, awaited. A failure ends the run with its error line and exit code;
/// Setup, the tasks and Teardown do not run. Not part of Cake.Frosting's API: with the real package, await the same
/// checks in Program before <c>Run</c>.
/// </summary>
public interface IFrostingPreflight
{
    /// <param name="context">The build context, before Setup.</param>
    /// <param name="tasks">The task classes this run executes, in execution order (with --exclusive, the target only).</param>
    /// <param name="cancellation">Cancelled when the run is interrupted.</param>
    Task RunAsync(IFrostingContext context, IReadOnlyList<Type> tasks, CancellationToken cancellation);
}

/// <summary>A preflight on a typed context.</summary>
public abstract class FrostingPreflight<T> : IFrostingPreflight
    where T : IFrostingContext
{
    public abstract Task RunAsync(T context, IReadOnlyList<Type> tasks, CancellationToken cancellation);

    Task IFrostingPreflight.RunAsync(IFrostingContext context, IReadOnlyList<Type> tasks, CancellationToken cancellation) =>
        RunAsync((T)context, tasks, cancellation);
}
