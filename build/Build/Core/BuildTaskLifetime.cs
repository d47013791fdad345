using System.Reflection;
using Build.Core.Notifications;
using Build.Core.Prerequisites;
using Build.Core.Reporting;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build.Core;

/// <summary>
/// Around every task: a CI log group, a record in the build report (status, duration, skip reason), and for a task
/// marked <see cref="NotifiesAttribute"/> a message to the team's webhook.
/// </summary>
public sealed class BuildTaskLifetime(ScheduledTasks scheduled) : FrostingTaskLifetime<BuildContext>
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
        if (!info.Skipped && !context.Report.CurrentTaskIsQuiet && NotificationOf(info.Task.Name) is { } notifies && (!notifies.PerEnvironment || !context.BuildEnvironment.IsLocal))
        {
            Notify(context, info.Task.Name, notifies.PerEnvironment ? context.BuildEnvironment.Name : null, info.Successful ? null : error ?? "failed");
        }

        context.Report.EndTask(info.Task.Name, status, info.Duration, SkipReason(info), error);
        context.Ci.EndGroup();
    }

    private static void Notify(BuildContext context, string task, string? environment, string? error)
    {
        var version = context.IsSetUp ? $"{context.BuildVersion.Version} ({context.BuildVersion.ShortCommit})" : "";
        var variables = context.Environment.GetEnvironmentVariable;
        var notification = TaskNotification.For(task, environment, version, error is null ? null : context.Secrets.Redact(error), context.Report.CurrentOutputs, WebhookNotifier.RunLink(variables));
        var problem = WebhookNotifier.SendAsync(variables(WebhookNotifier.Variable), notification, context.Secrets, CancellationToken.None).GetAwaiter().GetResult();
        if (problem is not null)
        {
            context.Warning("Could not notify the team of {0}: {1}; the outcome is in artifacts/summary.md.", task, problem);
        }
        else if (!string.IsNullOrWhiteSpace(variables(WebhookNotifier.Variable)))
        {
            context.Information("Notified the team ({0}): {1}", WebhookNotifier.Variable, notification.Text);
        }
    }

    private NotifiesAttribute? NotificationOf(string task) =>
        scheduled.Tasks.Where(type => type.GetCustomAttribute<TaskNameAttribute>()?.Name == task).Select(type => type.GetCustomAttribute<NotifiesAttribute>()).FirstOrDefault();

    // The scheduler says why (a criteria's message, or "unchanged since ..."); Cake's own engine (dry runs) marks the criteria.
    private static string? SkipReason(ITaskTeardownContext info) =>
        !info.Skipped ? null
        : TaskRun.Current?.SkipReason
            ?? (info.Task as CakeTask)?.Criterias.FirstOrDefault(criteria => criteria.CausedSkippingOfTask)?.Message
            ?? "Skipped";
}
