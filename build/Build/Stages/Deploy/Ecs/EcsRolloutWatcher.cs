using System.Globalization;
using Build.Tools.Aws;
using Build.Tools.Aws.Ecs;

namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// Follows one deployment of a service with DescribeServices until it is COMPLETED, FAILED, rolled back, gone, or the
/// time is up; judged on every poll, so a failure is seen by the first poll after it happened. Polls at an adaptive,
/// bounded interval (<see cref="PollInterval"/>) on the given clock; reports one line per poll.
/// </summary>
public sealed class EcsRolloutWatcher
{
    private readonly IEcsClient _ecs;
    private readonly TimeProvider _clock;
    private readonly EcsDeployOptions _options;
    private readonly Action<EcsProgress> _progress;

    public EcsRolloutWatcher(IEcsClient ecs, TimeProvider clock, EcsDeployOptions options, Action<EcsProgress> progress)
    {
        _ecs = ecs ?? throw new ArgumentNullException(nameof(ecs));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _progress = progress ?? throw new ArgumentNullException(nameof(progress));
    }

    /// <summary>
    /// Follows <paramref name="target"/>, which replaces <paramref name="replacing"/> (the task definition that ran before):
    /// the service being steady on <paramref name="replacing"/> again is a rollback, never success.
    /// </summary>
    public async Task<EcsRolloutOutcome> WatchAsync(
        string cluster, string service, EcsRolloutTarget target, string replacing, TimeSpan timeout, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(target);
        var started = _clock.GetTimestamp();
        var interval = new PollInterval(_options.MinPollInterval, _options.MaxPollInterval, _options.PollGrowth);
        var id = target.DeploymentId;
        var polls = 0;
        var failedPolls = 0;
        EcsService? seen = null;
        string? last = null;
        while (true)
        {
            bool changed;
            try
            {
                polls++;
                seen = await _ecs.DescribeServiceAsync(cluster, service, cancellation).ConfigureAwait(false);
                failedPolls = 0;
                var ours = Find(seen, id, target.TaskDefinitionArn);
                id ??= ours?.Id;
                var snapshot = Snapshot(seen, ours);
                changed = snapshot != last;
                last = snapshot;
                var elapsed = _clock.GetElapsedTime(started);
                _progress(new EcsProgress(Line(seen, ours, id ?? EcsArns.ShortTaskDefinition(target.TaskDefinitionArn), elapsed), IsPoll: true, changed));
                if (Judge(seen, ours, id, target, replacing) is { } verdict)
                {
                    return new EcsRolloutOutcome(verdict.Result, verdict.Reason, seen, id, polls, elapsed);
                }
            }
            catch (AwsRetriesExhaustedException unanswered) when (seen is not null && ++failedPolls < _options.FailedPollsTolerated)
            {
                // The client retried and gave up (throttling, a network blip): one poll lost is no verdict on the rollout.
                changed = false;
                _progress(new EcsProgress($"poll {polls.ToString(CultureInfo.InvariantCulture)} got no answer ({unanswered.ErrorCode}); polling on", IsPoll: true, Changed: true));
            }

            var waited = _clock.GetElapsedTime(started);
            if (waited >= timeout)
            {
                var ours = Find(seen!, id, target.TaskDefinitionArn);
                var state = ours is null ? "not listed" : $"rollout {ours.RolloutState ?? ours.Status}, {Counts(ours)}";
                return new EcsRolloutOutcome(
                    EcsRolloutResult.TimedOut,
                    string.Create(CultureInfo.InvariantCulture, $"deployment {id ?? EcsArns.ShortTaskDefinition(target.TaskDefinitionArn)} did not complete within {timeout.TotalSeconds:0} s ({polls} polls; last: {state})"),
                    seen!,
                    id,
                    polls,
                    waited);
            }

            var wait = interval.Next(changed);
            var remaining = timeout - waited;
            await Task.Delay(remaining < wait ? remaining : wait, _clock, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Ours by id; without one (UpdateService did not say), the newest deployment running our task definition.</summary>
    private static EcsServiceDeployment? Find(EcsService service, string? id, string taskDefinition) =>
        id is not null
            ? service.Deployment(id)
            : service.Deployments.Where(deployment => deployment.TaskDefinition == taskDefinition).MaxBy(deployment => deployment.CreatedAt);

    private static (EcsRolloutResult Result, string Reason)? Judge(EcsService service, EcsServiceDeployment? ours, string? id, EcsRolloutTarget target, string replacing)
    {
        var primary = service.Primary;
        var name = $"deployment {id ?? "of"} ({EcsArns.ShortTaskDefinition(target.TaskDefinitionArn)})";
        var backOnOld = primary is not null && primary.Id != ours?.Id && primary.TaskDefinition == replacing;
        var old = EcsArns.ShortTaskDefinition(replacing);
        var steadyOnOld = backOnOld ? (primary!.IsCompleted ? "stable again" : $"rolling back ({primary.RolloutState})") : "";
        if (ours is null)
        {
            return backOnOld
                ? (EcsRolloutResult.RolledBack, $"{name} is gone and the service is {steadyOnOld}, but on the old revision {old} (deployment {primary!.Id})")
                : (EcsRolloutResult.Gone, $"{name} is gone; the service's PRIMARY deployment is {Describe(primary)}: another deploy replaced it");
        }

        if (ours.IsFailed)
        {
            var why = $"{name} FAILED: {ours.RolloutStateReason ?? "ECS gave no reason"}";
            return backOnOld
                ? (EcsRolloutResult.RolledBack, $"{why}; the circuit breaker rolled back and the service is {steadyOnOld} on the old revision {old} (deployment {primary!.Id})")
                : (EcsRolloutResult.Failed, $"{why}; no rollback: the service's PRIMARY deployment is {Describe(primary)}");
        }

        if (!ours.IsPrimary)
        {
            return backOnOld
                ? (EcsRolloutResult.RolledBack, $"{name} is {ours.Status} and the service is {steadyOnOld}, but on the old revision {old} (deployment {primary!.Id})")
                : (EcsRolloutResult.Gone, $"{name} is {ours.Status}: {Describe(primary)} replaced it; another deploy started");
        }

        if (ours.IsCompleted)
        {
            return (EcsRolloutResult.Completed, $"{name} COMPLETED");
        }

        // A service without rolloutState (not a rolling update behind an ALB/NLB) is done when only ours is left, all running.
        var steady = ours.RolloutState is null && service.Deployments.Count == 1 && ours.RunningCount == ours.DesiredCount && ours.PendingCount == 0;
        return steady ? (EcsRolloutResult.Completed, $"{name} is the only deployment, all {ours.RunningCount} tasks running") : null;
    }

    private static string Describe(EcsServiceDeployment? deployment) =>
        deployment is null ? "none" : $"{deployment.Id} ({EcsArns.ShortTaskDefinition(deployment.TaskDefinition)}, {deployment.RolloutState ?? deployment.Status})";

    private static string Line(EcsService service, EcsServiceDeployment? ours, string name, TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        return ours is null
            ? $"deployment {name}: not listed; PRIMARY is {Describe(service.Primary)}, {seconds} s"
            : $"deployment {ours.Id}: rollout {ours.RolloutState ?? ours.Status}, {Counts(ours)}, {seconds} s";
    }

    private static string Counts(EcsServiceDeployment deployment) => string.Create(
        CultureInfo.InvariantCulture,
        $"{deployment.RunningCount}/{deployment.DesiredCount} running, {deployment.PendingCount} pending, {deployment.FailedTasks} failed");

    /// <summary>What counts as a change: our deployment's state and counts, which deployments there are, the newest event.</summary>
    private static string Snapshot(EcsService service, EcsServiceDeployment? ours) => string.Join(
        '|',
        ours is null ? "-" : $"{ours.Status} {ours.RolloutState} {Counts(ours)}",
        string.Join(',', service.Deployments.Select(deployment => $"{deployment.Id}:{deployment.Status}:{deployment.RolloutState}")),
        service.Events.Count > 0 ? service.Events[0].Id : "");
}
