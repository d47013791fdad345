namespace Build.Core.Prerequisites;

/// <summary>The task classes this run executes, in execution order; recorded by <see cref="StagePreconditions"/> before Setup.</summary>
public sealed class ScheduledTasks
{
    private IReadOnlyList<Type> _tasks = [];

    /// <summary>Gets the run's tasks (empty until the preflight ran, and in --tree or --description).</summary>
    public IReadOnlyList<Type> Tasks => _tasks;

    public void Record(IReadOnlyList<Type> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        _tasks = [.. tasks];
    }
}
