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
/// marked <see cref="NotifiesAttribute"/> a message to the team's webhook, and for a deploy to a cloud environment on
/// GitHub Actions a GitHub deployment with its statuses.
/// </summary>
public sealed class BuildTaskLifetime(ScheduledTasks scheduled) : FrostingTaskLifetime<BuildContext>
{
    private (GitHubDeployments Api, long Id)? _deployment;

    public override void Setup(BuildContext context, ITaskSetupContext info)
    {
        context.Ci.StartGroup(info.Task.Name);
        context.Report.BeginTask();
        if (NotificationOf(info.Task.Name) is { GitHubDeployment: true } && !context.BuildEnvironment.IsLocal)
        {
            StartGitHubDeployment(context, info.Task.Name);
        }
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

        if (_deployment is { } deployment)
        {
            _deployment = null;
            FinishGitHubDeployment(context, info.Task.Name, deployment, info.Successful ? null : context.Secrets.Redact(error ?? "failed"));
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

    private void StartGitHubDeployment(BuildContext context, string task)
    {
        if (GitHubDeployments.From(context.Environment.GetEnvironmentVariable, context.Secrets) is not { } api)
        {
            return;
        }

        var (id, problem) = api.StartAsync(context.BuildEnvironment.Name, CancellationToken.None).GetAwaiter().GetResult();
        if (id is { } created)
        {
            _deployment = (api, created);
            context.Information("GitHub deployment {0} of this commit to {1}: in progress.", created, context.BuildEnvironment.Name);
        }

        if (problem is not null)
        {
            context.Warning("Could not record {0} as a GitHub deployment: {1}; the deploy goes on.", task, context.Secrets.Redact(problem));
        }
    }

    private static void FinishGitHubDeployment(BuildContext context, string task, (GitHubDeployments Api, long Id) deployment, string? error)
    {
        var url = context.Report.CurrentOutputs.GetValueOrDefault("url");
        var problem = deployment.Api.FinishAsync(deployment.Id, url, error, CancellationToken.None).GetAwaiter().GetResult();
        if (problem is not null)
        {
            context.Warning("Could not post {0}'s outcome to GitHub deployment {1}: {2}.", task, deployment.Id, context.Secrets.Redact(problem));
        }
        else
        {
            context.Information("GitHub deployment {0}: {1}.", deployment.Id, error is null ? "success" : "failure");
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
