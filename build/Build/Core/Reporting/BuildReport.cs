using Cake.Frosting;

namespace Build.Core.Reporting;

/// <summary>
/// What the build did, collected while it runs: one record per task with its key outputs, plus Markdown
/// sections that tasks contribute to the human summary. Written out by <see cref="ReportWriter"/>.
/// </summary>
/// <remarks>
/// Tasks may run at the same time: "the running task" is the one whose flow calls (<see cref="TaskRun.Current"/>);
/// outside any task (Setup, unit tests) it is the one task begun last.
/// </remarks>
public sealed class BuildReport
{
    private readonly Lock _gate = new();
    private readonly List<TaskRecord> _tasks = [];
    private readonly List<(string Title, string Markdown)> _sections = [];
    private readonly Dictionary<string, RunningTask> _running = new(StringComparer.OrdinalIgnoreCase);
    private RunningTask _outsideTasks = new();

    public IReadOnlyList<TaskRecord> Tasks
    {
        get
        {
            lock (_gate)
            {
                return [.. _tasks];
            }
        }
    }

    public IReadOnlyList<(string Title, string Markdown)> Sections
    {
        get
        {
            lock (_gate)
            {
                return [.. _sections];
            }
        }
    }

    /// <summary>Gets a value indicating whether the running task asked not to notify anyone (a preview).</summary>
    public bool CurrentTaskIsQuiet => Current.IsQuiet;

    /// <summary>Gets what the running task reported so far.</summary>
    public IReadOnlyDictionary<string, string> CurrentOutputs
    {
        get
        {
            var current = Current;
            lock (_gate)
            {
                return new Dictionary<string, string>(current.Outputs, StringComparer.Ordinal);
            }
        }
    }

    private RunningTask Current
    {
        get
        {
            var name = TaskRun.Current?.Name;
            lock (_gate)
            {
                return name is not null && _running.TryGetValue(name, out var running) ? running : _outsideTasks;
            }
        }
    }

    /// <summary>Records a key output (a digest, a coverage figure) of the task that is running.</summary>
    public void AddOutput(string key, string value)
    {
        var current = Current;
        lock (_gate)
        {
            current.Outputs[key] = value;
        }
    }

    /// <summary>The running task changed nothing anyone needs to hear about (Release's preview).</summary>
    public void KeepQuiet() => Current.IsQuiet = true;

    public void AddSection(string title, string markdown)
    {
        lock (_gate)
        {
            _sections.Add((title, markdown));
        }
    }

    /// <summary>Adds a finished task's record as it is (used to build redacted copies).</summary>
    public void Add(TaskRecord task)
    {
        lock (_gate)
        {
            _tasks.Add(task);
        }
    }

    public void BeginTask()
    {
        var name = TaskRun.Current?.Name;
        lock (_gate)
        {
            if (name is null)
            {
                _outsideTasks = new();
            }
            else
            {
                _running[name] = new();
            }
        }
    }

    public void EndTask(string name, string status, TimeSpan duration, string? skipReason, string? error)
    {
        lock (_gate)
        {
            var ended = _running.Remove(name, out var running) ? running : _outsideTasks;
            _tasks.Add(new TaskRecord(name, status, Math.Round(duration.TotalSeconds, 3), skipReason, error, ended.Outputs));
            if (ended == _outsideTasks)
            {
                _outsideTasks = new();
            }
        }
    }

    private sealed class RunningTask
    {
        public Dictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal);

        public bool IsQuiet { get; set; }
    }
}
