using Build.Core.Prerequisites;
using Cake.Frosting;

namespace Build.Core;

/// <summary>
/// Runs the preconditions of the tasks this run executes, in execution order, before Setup: all refusals, then all
/// preparations. The host awaits this (Cake's Setup is synchronous and a preparation may call a cloud API), so a
/// missing credential or repository fails in seconds, before compiling and image building, and before the run lock,
/// the version and the report: a run refused here leaves no report and moves no earlier outputs aside.
/// It also records the run's tasks in <see cref="ScheduledTasks"/>, for the Prerequisites task to check what they need.
/// </summary>
public sealed class StagePreconditions(IEnumerable<IStagePrecondition> preconditions, ScheduledTasks scheduledTasks) : FrostingPreflight<BuildContext>
{
    private readonly IReadOnlyList<IStagePrecondition> _preconditions = [.. preconditions];

    public override async Task RunAsync(BuildContext context, IReadOnlyList<Type> tasks, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        scheduledTasks.Record(tasks);
        var scheduled = tasks.SelectMany(task => _preconditions.Where(precondition => precondition.TaskType == task)).ToList();
        foreach (var precondition in scheduled)
        {
            precondition.Refuse(context);
        }

        foreach (var precondition in scheduled)
        {
            await precondition.PrepareAsync(context, cancellation).ConfigureAwait(false);
        }
    }
}
