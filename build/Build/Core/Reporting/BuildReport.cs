namespace Build.Core.Reporting;

/// <summary>
/// What the build did, collected while it runs: one record per task with its key outputs, plus Markdown
/// sections that tasks contribute to the human summary. Written out by <see cref="ReportWriter"/>.
/// </summary>
public sealed class BuildReport
{
    private readonly List<TaskRecord> _tasks = [];
    private readonly List<(string Title, string Markdown)> _sections = [];
    private Dictionary<string, string> _currentOutputs = new(StringComparer.Ordinal);

    public IReadOnlyList<TaskRecord> Tasks => _tasks;

    public IReadOnlyList<(string Title, string Markdown)> Sections => _sections;

    /// <summary>Records a key output (a digest, a coverage figure) of the task that is running.</summary>
    public void AddOutput(string key, string value) => _currentOutputs[key] = value;

    /// <summary>Gets a value indicating whether the running task asked not to notify anyone (a preview).</summary>
    public bool CurrentTaskIsQuiet { get; private set; }

    /// <summary>The running task changed nothing anyone needs to hear about (Release's preview).</summary>
    public void KeepQuiet() => CurrentTaskIsQuiet = true;

    /// <summary>Gets what the running task reported so far.</summary>
    public IReadOnlyDictionary<string, string> CurrentOutputs => _currentOutputs;

    public void AddSection(string title, string markdown) => _sections.Add((title, markdown));

    /// <summary>Adds a finished task's record as it is (used to build redacted copies).</summary>
    public void Add(TaskRecord task) => _tasks.Add(task);

    public void BeginTask()
    {
        _currentOutputs = new(StringComparer.Ordinal);
        CurrentTaskIsQuiet = false;
    }

    public void EndTask(string name, string status, TimeSpan duration, string? skipReason, string? error)
    {
        _tasks.Add(new TaskRecord(name, status, Math.Round(duration.TotalSeconds, 3), skipReason, error, _currentOutputs));
        _currentOutputs = new(StringComparer.Ordinal);
    }
}
