using System.Diagnostics;

namespace Cake.Frosting;

/// <summary>
/// When each task of a real run started and ended (offsets from the first task's start), with its dependencies in the
/// plan: the report's per-task times, the run's wall time and its critical path (the chain of dependent tasks whose
/// durations add up to the longest time: what a faster machine or more parallelism cannot shorten).
/// </summary>
public sealed class TaskTimeline
{
    private readonly Lock _gate = new();
    private readonly List<TaskTimelineEntry> _entries = [];
    private long _origin;

    /// <summary>Gets how many tasks could run at once in this run (1: one at a time).</summary>
    public int Parallelism { get; internal set; } = 1;

    public IReadOnlyList<TaskTimelineEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Gets the time from the first task's start to the last task's end.</summary>
    public TimeSpan WallTime => Entries is { Count: > 0 } entries ? entries.Max(entry => entry.End) - entries.Min(entry => entry.Start) : TimeSpan.Zero;

    /// <summary>Gets the sum of every task's duration: the wall time of a one-at-a-time run of the same tasks.</summary>
    public TimeSpan TaskTime => Entries.Aggregate(TimeSpan.Zero, (sum, entry) => sum + entry.Duration);

    /// <summary>Gets the critical path, first task first.</summary>
    public IReadOnlyList<TaskTimelineEntry> CriticalPath()
    {
        var entries = Entries;
        var byName = entries.ToDictionary(entry => entry.Name, StringComparer.OrdinalIgnoreCase);
        var longest = new Dictionary<string, (TimeSpan Total, string? Previous)>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries.OrderBy(entry => entry.Start))
        {
            var previous = entry.Dependencies.Where(longest.ContainsKey).OrderByDescending(name => longest[name].Total).FirstOrDefault();
            longest[entry.Name] = ((previous is null ? TimeSpan.Zero : longest[previous].Total) + entry.Duration, previous);
        }

        var path = new List<TaskTimelineEntry>();
        var last = longest.OrderByDescending(pair => pair.Value.Total).Select(pair => pair.Key).FirstOrDefault();
        for (var name = last; name is not null; name = longest[name].Previous)
        {
            path.Insert(0, byName[name]);
        }

        return path;
    }

    internal void Begin() => Interlocked.CompareExchange(ref _origin, Stopwatch.GetTimestamp(), 0);

    internal TimeSpan Now() => Stopwatch.GetElapsedTime(Interlocked.Read(ref _origin));

    internal void Add(TaskTimelineEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}

/// <summary>One task of <see cref="TaskTimeline"/>: offsets from the run's first task start.</summary>
public sealed record TaskTimelineEntry(string Name, TimeSpan Start, TimeSpan End, IReadOnlyList<string> Dependencies)
{
    public TimeSpan Duration => End - Start;
}
