namespace Cake.Frosting.Scheduling;

/// <summary>
/// Keeps the output of tasks that run at the same time apart: one task at a time is shown live (the first started);
/// what the others print is held, whole, and printed as one block when the live task ends (finished tasks first, in
/// the order they finished; then the next running task's block, which goes on live). So no two tasks' lines are ever
/// interleaved, and a CI log group a task opens and closes stays one group. Output outside any task (Setup, Teardown,
/// the heartbeat, the report) is printed as it comes. With one task at a time nothing is ever held.
/// </summary>
internal sealed class TaskOutputRouter
{
    private readonly Lock _gate = new();
    private readonly AsyncLocal<TaskOutput?> _current = new();
    private readonly List<TaskOutput> _running = [];
    private readonly List<TaskOutput> _finishedHeld = [];
    private TaskOutput? _live;

    /// <summary>Gets the running tasks whose output is being held.</summary>
    public IReadOnlyList<string> Held
    {
        get
        {
            lock (_gate)
            {
                return [.. _running.Where(task => task != _live).Select(task => task.Name)];
            }
        }
    }

    /// <summary>Marks the calling flow's output as <paramref name="task"/>'s until the returned scope ends.</summary>
    public IDisposable Begin(string task)
    {
        var output = new TaskOutput(task);
        lock (_gate)
        {
            _running.Add(output);
            _live ??= output;
        }

        _current.Value = output;
        return new Scope(() => End(output));
    }

    public void Write(TextWriter target, string text)
    {
        lock (_gate)
        {
            if (_current.Value is { IsEnded: false } output && output != _live)
            {
                output.Held.Add((target, text));
                return;
            }

            target.Write(text);
        }
    }

    private void End(TaskOutput output)
    {
        lock (_gate)
        {
            output.IsEnded = true;
            _running.Remove(output);
            if (output != _live)
            {
                _finishedHeld.Add(output);
                return;
            }

            _live = null;
            foreach (var finished in _finishedHeld)
            {
                Print(finished);
            }

            _finishedHeld.Clear();
            if (_running.Count > 0)
            {
                _live = _running[0];
                Print(_live);
            }
        }
    }

    private static void Print(TaskOutput output)
    {
        foreach (var (target, text) in output.Held)
        {
            target.Write(text);
        }

        output.Held.Clear();
    }

    private sealed class TaskOutput(string name)
    {
        public string Name { get; } = name;

        public List<(TextWriter Target, string Text)> Held { get; } = [];

        public bool IsEnded { get; set; }
    }

    private sealed class Scope(Action end) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                end();
            }
        }
    }
}
