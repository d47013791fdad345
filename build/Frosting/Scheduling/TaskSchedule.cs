namespace Cake.Frosting.Scheduling;

/// <summary>
/// Which tasks of a plan may start now. The plan is Cake's order (a topological order of the target's graph); a task
/// may start when every dependency in the plan has finished, no running task holds one of its exclusive resources, fewer
/// than <c>parallelism</c> tasks run, and, for a task that runs alone, when every task before it has finished and nothing
/// else runs. Candidates are taken in plan order, so with a parallelism of 1 the order is Cake's own.
/// After a failure nothing new starts.
/// </summary>
internal sealed class TaskSchedule
{
    private readonly IReadOnlyList<ScheduledTask> _plan;
    private readonly int _parallelism;
    private readonly HashSet<string> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _finished = new(StringComparer.OrdinalIgnoreCase);
    private bool _stopped;

    public TaskSchedule(IReadOnlyList<ScheduledTask> plan, int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _plan = plan;
        _parallelism = parallelism;
    }

    public bool IsRunningAny => _running.Count > 0;

    /// <summary>Gets the tasks that never started (after a failure, or because the run stopped).</summary>
    public IEnumerable<ScheduledTask> NotStarted => _plan.Where(task => !_running.Contains(task.Name) && !_finished.Contains(task.Name));

    /// <summary>Takes the next task that may start, marking it running; null when none may start now.</summary>
    public ScheduledTask? TakeNext()
    {
        if (_stopped || _running.Count >= _parallelism || _running.Any(name => Find(name).RunsAlone))
        {
            return null;
        }

        for (var index = 0; index < _plan.Count; index++)
        {
            var task = _plan[index];
            if (_running.Contains(task.Name) || _finished.Contains(task.Name) || !CanStart(task, index))
            {
                continue;
            }

            _running.Add(task.Name);
            return task;
        }

        return null;
    }

    public void Finished(string name, bool failed)
    {
        _running.Remove(name);
        _finished.Add(name);
        _stopped |= failed;
    }

    private bool CanStart(ScheduledTask task, int index)
    {
        if (!task.Dependencies.All(_finished.Contains))
        {
            return false;
        }

        if (task.RunsAlone)
        {
            return _running.Count == 0 && _plan.Take(index).All(earlier => _finished.Contains(earlier.Name));
        }

        return !_running.Select(Find).Any(running => running.Resources.Overlaps(task.Resources));
    }

    private ScheduledTask Find(string name) => _plan.First(task => task.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
