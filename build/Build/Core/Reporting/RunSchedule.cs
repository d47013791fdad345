using Cake.Frosting;

namespace Build.Core.Reporting;

/// <summary>
/// How the run's tasks were laid out in time (build-report.json's <c>schedule</c>): how many could run at once, the wall
/// time from the first task's start to the last one's end, the sum of the task durations (a one-at-a-time run's time),
/// and the critical path with each task's start offset and duration in seconds.
/// </summary>
public sealed record RunSchedule(int Parallelism, double WallSeconds, double TaskSeconds, IReadOnlyList<ScheduledTaskTime> CriticalPath, IReadOnlyList<ScheduledTaskTime> Tasks)
{
    public static RunSchedule Of(TaskTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return new RunSchedule(
            timeline.Parallelism,
            Seconds(timeline.WallTime),
            Seconds(timeline.TaskTime),
            [.. timeline.CriticalPath().Select(Time)],
            [.. timeline.Entries.OrderBy(entry => entry.Start).Select(Time)]);
    }

    private static ScheduledTaskTime Time(TaskTimelineEntry entry) => new(entry.Name, Seconds(entry.Start), Seconds(entry.Duration));

    private static double Seconds(TimeSpan time) => Math.Round(time.TotalSeconds, 3);
}

/// <summary>One task in <see cref="RunSchedule"/>: when it started (seconds after the first task started) and how long it took.</summary>
public sealed record ScheduledTaskTime(string Task, double StartSeconds, double Seconds);
