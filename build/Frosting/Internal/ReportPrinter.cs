using Cake.Cli;
using Cake.Core;
using Cake.Core.Diagnostics;
using Spectre.Console;

namespace Cake.Frosting.Internal;

/// <summary>
/// Cake's report printer with durations in the build's words (<see cref="CakeHost.UseDurationFormat"/>, e.g. <c>4m 02s</c>
/// instead of <c>00:04:02.9326708</c>): the closing task table is drawn here in Cake's layout (task, duration, status,
/// skip reason, total), then, when tasks could run at once, the critical path and the wall time; the step headers are Cake's own.
/// </summary>
internal sealed class ReportPrinter(IAnsiConsole console, Func<TimeSpan, string> formatDuration, TaskTimeline? timeline = null) : ICakeReportPrinter
{
    private readonly CakeSpectreReportPrinter _cake = new(console);

    public void Write(CakeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var entries = report.ToList();
        var withSkipReasons = entries.Any(entry => !string.IsNullOrEmpty(entry.SkippedMessage));
        var total = entries.Aggregate(TimeSpan.Zero, (sum, entry) => sum + entry.Duration);
        var table = new Table().Border(TableBorder.SimpleHeavy).Width(100);
        table.AddColumn(new TableColumn("Task").Footer("Total:").PadRight(10));
        table.AddColumn(new TableColumn("Duration").Footer(formatDuration(total)).RightAligned());
        table.AddColumn(new TableColumn("Status"));
        if (withSkipReasons)
        {
            table.AddColumn(new TableColumn("Skip Reason"));
        }

        foreach (var entry in entries)
        {
            var duration = entry.ExecutionStatus == CakeTaskExecutionStatus.Skipped ? "-" : formatDuration(entry.Duration);
            string[] cells = withSkipReasons
                ? [entry.TaskName, duration, entry.ExecutionStatus.ToReportStatus(), entry.SkippedMessage ?? ""]
                : [entry.TaskName, duration, entry.ExecutionStatus.ToReportStatus()];
            table.AddRow(cells.Select(cell => new Text(cell)).ToArray<Spectre.Console.Rendering.IRenderable>());
        }

        console.Write(table);
        if (timeline is { Parallelism: > 1 } && timeline.CriticalPath() is { Count: > 0 } path)
        {
            var critical = path.Aggregate(TimeSpan.Zero, (sum, entry) => sum + entry.Duration);
            console.WriteLine(
                $"Critical path: {string.Join(" -> ", path.Select(entry => entry.Name))} ({formatDuration(critical)}). "
                + $"Wall time {formatDuration(timeline.WallTime)} for {formatDuration(timeline.TaskTime)} of task time, up to {timeline.Parallelism} tasks at once.");
        }
    }

    public void WriteStep(string name, Verbosity verbosity) => _cake.WriteStep(name, verbosity);

    public void WriteLifeCycleStep(string name, Verbosity verbosity) => _cake.WriteLifeCycleStep(name, verbosity);

    public void WriteSkippedStep(string name, Verbosity verbosity) => _cake.WriteSkippedStep(name, verbosity);
}
