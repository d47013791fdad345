using System.Globalization;
using Build.Core.Reporting;
using Build.Tools.Aws;
using Build.Tools.Aws.Ecs;

namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// Why a rollout failed, as ECS tells it: the newest service events (newest first) and the stopped tasks of the
/// revision with their stoppedReason and containers' exit codes (ListTasks desiredStatus STOPPED for the family, then
/// DescribeTasks). Each part is bounded; a part that cannot be read says so instead of hiding the failure.
/// </summary>
public static class EcsFailureDetails
{
    /// <summary>The most characters the details add to a failure message.</summary>
    public const int MaxCharacters = 1500;

    private const int TasksLooked = 100;

    public static async Task<string> CollectAsync(
        IEcsClient ecs, string cluster, EcsService service, string taskDefinitionArn, EcsDeployOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        string tasks;
        try
        {
            var arns = await ecs.ListTasksAsync(EcsTaskFilter.ByFamily(cluster, EcsArns.Family(taskDefinitionArn)), TasksLooked, cancellation).ConfigureAwait(false);
            var stopped = arns.Count == 0 ? [] : await ecs.DescribeTasksAsync(cluster, arns, cancellation).ConfigureAwait(false);
            // The revision's pre-deploy tasks (a migration that exited 0) are not the service's tasks: they say nothing about the rollout.
            var ofTheService = stopped.Where(task => task.TaskDefinitionArn == taskDefinitionArn
                && !(task.StartedBy?.StartsWith(EcsOneOffTaskRunner.StartedByPrefix, StringComparison.Ordinal) ?? false));
            tasks = StoppedTasks(ofTheService.ToList(), taskDefinitionArn, options.StoppedTasksShown);
        }
        catch (AwsServiceException unreadable)
        {
            tasks = $"Stopped tasks could not be read: {unreadable.Message}";
        }

        return Bounded.Text($"{Events(service.Events, options.EventsShown, options.EventCharacters)} {tasks}", MaxCharacters);
    }

    /// <summary>"Last events (newest first): 12:00:05 (service app) ...; ..." or "No service events."</summary>
    public static string Events(IReadOnlyList<EcsServiceEvent> events, int max, int characters)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return "No service events.";
        }

        var newest = events.OrderByDescending(item => item.CreatedAt ?? DateTimeOffset.MinValue)
            .Select(item => $"{item.CreatedAt?.ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? "?"} {Bounded.Text(item.Message.Trim(), characters)}")
            .ToList();
        return $"Last events (newest first): {Bounded.List(newest, "; ", max: max)}.";
    }

    /// <summary>"Stopped tasks of app:8 (newest first): 0a1b...: Essential container in task exited (container app exit 1); ..."</summary>
    public static string StoppedTasks(IReadOnlyCollection<EcsTask> tasks, string taskDefinitionArn, int max)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var revision = EcsArns.ShortTaskDefinition(taskDefinitionArn);
        if (tasks.Count == 0)
        {
            return $"No stopped tasks of {revision}.";
        }

        var lines = tasks.OrderByDescending(task => task.StoppedAt ?? DateTimeOffset.MinValue).Select(Describe).ToList();
        return $"Stopped tasks of {revision} (newest first): {Bounded.List(lines, "; ", max: max)}.";
    }

    private static string Describe(EcsTask task)
    {
        var containers = task.Containers
            .Where(container => container.ExitCode is not null || !string.IsNullOrWhiteSpace(container.Reason))
            .Select(container =>
            {
                var exit = container.ExitCode is { } code ? $" exit {code.ToString(CultureInfo.InvariantCulture)}" : "";
                var reason = string.IsNullOrWhiteSpace(container.Reason) ? "" : $": {Bounded.Text(container.Reason.Trim(), 200)}";
                return $"container {container.Name}{exit}{reason}";
            })
            .ToList();
        var why = Bounded.Text(task.StoppedReason?.Trim() is { Length: > 0 } reason ? reason : "no stoppedReason", 300);
        return containers.Count == 0 ? $"{task.Id}: {why}" : $"{task.Id}: {why} ({string.Join(", ", containers)})";
    }
}
