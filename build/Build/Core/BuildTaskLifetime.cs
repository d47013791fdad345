using Build.Core.Reporting;
using Cake.Core;
using Cake.Frosting;

namespace Build.Core;

/// <summary>Around every task: a CI log group, and a record in the build report (status, duration, skip reason).</summary>
public sealed class BuildTaskLifetime : FrostingTaskLifetime<BuildContext>
{
    public override void Setup(BuildContext context, ITaskSetupContext info)
    {
        context.Ci.StartGroup(info.Task.Name);
        context.Report.BeginTask();
    }

    public override void Teardown(BuildContext context, ITaskTeardownContext info)
    {
        var interrupted = !info.Successful && Interruption.Current.IsRequested;
        var status = info.Skipped ? TaskStatuses.Skipped : info.Successful ? TaskStatuses.Succeeded : interrupted ? TaskStatuses.Interrupted : TaskStatuses.Failed;
        var error = info.ThrownException is { } thrown && interrupted ? Interruption.Current.Describe(thrown) : info.ThrownException?.Message;
        context.Report.EndTask(info.Task.Name, status, info.Duration, SkipReason(info), error);
        context.Ci.EndGroup();
    }

    private static string? SkipReason(ITaskTeardownContext info) =>
        info.Skipped && info.Task is CakeTask task
            ? task.Criterias.FirstOrDefault(criteria => criteria.CausedSkippingOfTask)?.Message ?? "Skipped"
            : null;
}
