using System.Globalization;
using Build.Core.Reporting;
using Build.Tools.Aws;
using Build.Tools.Aws.Ecs;

namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// Follows one service deployment of a BLUE_GREEN, CANARY or LINEAR strategy (ROLLING ones are followed by
/// <see cref="EcsRolloutWatcher"/>) with DescribeServiceDeployments until it is final:
/// <list type="bullet">
/// <item>SUCCESSFUL is the only success; ROLLBACK_SUCCESSFUL (ECS's own rollback, e.g. after an alarm), ROLLBACK_FAILED,
/// STOPPED and the timeout are failures with ECS's reason and the alarms that fired.</item>
/// <item>An alarm ECS reports TRIGGERED while the deployment still goes on is answered with StopServiceDeployment
/// (ROLLBACK), once; the watch then follows the rollback.</item>
/// <item>The test-traffic gate with its lifecycle hook (<see cref="TestTrafficGate.Holds"/>): the hook holds the
/// deployment in POST_TEST_TRAFFIC_SHIFT; seen there, the smoke test runs once and its verdict is written for the hook,
/// which then lets production traffic move (pass) or fails so that ECS rolls back (fail); the watch follows either.
/// When the verdict cannot be written, the deployment is stopped with a rollback.</item>
/// <item>The test-traffic gate without a hook (polling): when the deployment is first seen in TEST_TRAFFIC_SHIFT or
/// POST_TEST_TRAFFIC_SHIFT (or later, when no poll caught those stages), the gate runs once; a failed gate stops the
/// deployment with a rollback and the watch follows it. Nothing holds the deployment meanwhile.</item>
/// </list>
/// Each poll reports the lifecycle stage and the traffic split; a change of the production share is also a step line.
/// </summary>
public sealed class EcsLifecycleWatcher
{
    private readonly IEcsClient _ecs;
    private readonly TimeProvider _clock;
    private readonly EcsDeployOptions _options;
    private readonly Action<EcsProgress> _progress;

    public EcsLifecycleWatcher(IEcsClient ecs, TimeProvider clock, EcsDeployOptions options, Action<EcsProgress> progress)
    {
        _ecs = ecs ?? throw new ArgumentNullException(nameof(ecs));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _progress = progress ?? throw new ArgumentNullException(nameof(progress));
    }

    /// <summary>
    /// Follows the service deployment UpdateService started: the newest one not in <paramref name="before"/> (the ARNs
    /// listed just before the update), so an older, finished deployment is never taken for ours.
    /// </summary>
    /// <param name="cluster">The cluster.</param>
    /// <param name="service">The service.</param>
    /// <param name="strategy">The strategy the deployment runs with (for messages).</param>
    /// <param name="before">The service deployments listed before UpdateService.</param>
    /// <param name="createdAfter">The ListServiceDeployments filter those were listed with.</param>
    /// <param name="timeout">How long the deployment may take to be final.</param>
    /// <param name="cancellation">Stops following (ECS goes on).</param>
    /// <param name="gate">The test-traffic gate; null when there is no test listener.</param>
    public async Task<EcsRolloutOutcome> WatchAsync(
        string cluster,
        string service,
        string strategy,
        IReadOnlySet<string> before,
        DateTimeOffset createdAfter,
        TestTrafficGate? gate,
        TimeSpan timeout,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(before);
        var started = _clock.GetTimestamp();
        var interval = new PollInterval(_options.MinPollInterval, _options.MaxPollInterval, _options.PollGrowth);
        var polls = 0;
        var failedPolls = 0;
        string? arn = null;
        EcsServiceDeploymentState? seen = null;
        string? last = null;
        double production = 0;
        var steps = new List<double>();
        var gated = gate is null;
        var stopRequested = false;
        string? gateFailure = null;
        while (true)
        {
            bool changed;
            try
            {
                polls++;
                arn ??= (await _ecs.ListServiceDeploymentsAsync(cluster, service, createdAfter, cancellation).ConfigureAwait(false))
                    .Where(listed => !before.Contains(listed.Arn))
                    .MaxBy(listed => listed.CreatedAt ?? DateTimeOffset.MinValue)?.Arn;
                failedPolls = 0;
                var elapsed = _clock.GetElapsedTime(started);
                if (arn is null)
                {
                    changed = last is not null;
                    last = null;
                    _progress(new EcsProgress($"{strategy} deployment of {service}: not listed yet, {Seconds(elapsed)} s", IsPoll: true, changed));
                }
                else
                {
                    seen = await _ecs.DescribeServiceDeploymentAsync(arn, cancellation).ConfigureAwait(false);
                    var line = Line(strategy, seen, elapsed);
                    var snapshot = line[..line.LastIndexOf(',')];
                    changed = snapshot != last;
                    last = snapshot;
                    _progress(new EcsProgress(line, IsPoll: true, changed));
                    if (seen.Target?.ProductionTrafficWeight is { } weight && weight != production && !EcsServiceDeploymentStatuses.IsRollback(seen.Status))
                    {
                        Report(string.Create(CultureInfo.InvariantCulture, $"production traffic: {weight:0.#}% on the new revision ({seen.LifecycleStage})"));
                        production = Math.Max(production, weight);
                        steps.Add(weight);
                    }

                    if (Judge(seen, strategy, gateFailure, production) is { } verdict)
                    {
                        return await OutcomeAsync(cluster, service, verdict.Result, verdict.Reason, arn, polls, elapsed, steps, gateFailure, cancellation).ConfigureAwait(false);
                    }

                    if (!gated && IsGateTime(seen, gate!.Holds))
                    {
                        gated = true;
                        var (failure, answered) = await RunGateAsync(gate, seen, cancellation).ConfigureAwait(false);
                        gateFailure = failure;
                        if (gateFailure is not null && !answered)
                        {
                            Report($"{gateFailure}; stopping {ShortName(arn)} with a rollback (StopServiceDeployment ROLLBACK)");
                            stopRequested = await StopAsync(arn).ConfigureAwait(false);
                        }

                        stopRequested |= gateFailure is not null;
                        changed = true;
                    }

                    if (!stopRequested && seen.Status == EcsServiceDeploymentStatuses.InProgress && seen.TriggeredAlarms.Count > 0)
                    {
                        Report($"alarm in ALARM: {string.Join(", ", seen.TriggeredAlarms)}; stopping {ShortName(arn)} with a rollback (StopServiceDeployment ROLLBACK)");
                        stopRequested = await StopAsync(arn).ConfigureAwait(false);
                        changed = true;
                    }
                }
            }
            catch (AwsRetriesExhaustedException unanswered) when (polls > 1 && ++failedPolls < _options.FailedPollsTolerated)
            {
                changed = false;
                _progress(new EcsProgress($"poll {polls.ToString(CultureInfo.InvariantCulture)} got no answer ({unanswered.ErrorCode}); polling on", IsPoll: true, Changed: true));
            }

            var waited = _clock.GetElapsedTime(started);
            if (waited >= timeout)
            {
                var state = seen is null ? "not listed" : $"{seen.Status}, {seen.LifecycleStage ?? "no stage"}";
                var reason = string.Create(CultureInfo.InvariantCulture, $"{strategy} deployment {(arn is null ? "of " + service : ShortName(arn))} did not finish within {timeout.TotalSeconds:0} s ({polls} polls; last: {state})");
                return await OutcomeAsync(cluster, service, EcsRolloutResult.TimedOut, gateFailure is null ? reason : $"{gateFailure}; {reason}", arn, polls, waited, steps, gateFailure, cancellation).ConfigureAwait(false);
            }

            var wait = interval.Next(changed);
            var remaining = timeout - waited;
            await Task.Delay(remaining < wait ? remaining : wait, _clock, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>The last part of a service deployment ARN (what the console shows).</summary>
    public static string ShortName(string arn) => EcsArns.LastPart(arn);

    /// <summary>
    /// StopServiceDeployment with a rollback; not cancelled by an interrupt (stopping is how a failed gate ends cleanly).
    /// Refused (e.g. the deployment just ended): said, and the watch goes on to judge what ECS reports.
    /// </summary>
    private async Task<bool> StopAsync(string arn)
    {
        try
        {
            await _ecs.StopServiceDeploymentAsync(arn, rollback: true, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (AwsServiceException refused) when (refused is not AwsCredentialsRejectedException)
        {
            Report($"StopServiceDeployment of {ShortName(arn)} was refused ({refused.Message}); following what ECS does");
            return true;
        }
    }

    /// <summary>
    /// With a hook the gate waits for the stage the hook holds (test traffic fully on the new revision); without one it
    /// runs as soon as test traffic moves. Either runs late when the deployment is first seen past those stages.
    /// </summary>
    private static bool IsGateTime(EcsServiceDeploymentState seen, bool held) =>
        seen.Status == EcsServiceDeploymentStatuses.InProgress
        && (held
            ? seen.LifecycleStage == EcsTestTrafficGate.Stage
            : seen.LifecycleStage is EcsServiceDeploymentStatuses.TestTrafficShift or EcsServiceDeploymentStatuses.PostTestTrafficShift
            || EcsServiceDeploymentStatuses.ProductionMayHaveMoved(seen.LifecycleStage));

    /// <summary>The smoke test, and with a hook its verdict written; Answered: the hook has the verdict (ECS acts on it, no stop needed).</summary>
    private async Task<(string? Failure, bool Answered)> RunGateAsync(TestTrafficGate gate, EcsServiceDeploymentState seen, CancellationToken cancellation)
    {
        var held = gate.Holds && seen.LifecycleStage == EcsTestTrafficGate.Stage;
        var how = held
            ? $" (held there by the lifecycle hook {gate.Verdicts!.Gate.FunctionName} until the verdict)"
            : gate.Holds
                ? $" (late: the deployment was already in {seen.LifecycleStage} when first seen, though the lifecycle hook should have held it in {EcsTestTrafficGate.Stage}; production traffic may have moved)"
                : EcsServiceDeploymentStatuses.ProductionMayHaveMoved(seen.LifecycleStage)
                    ? $" (polling, no lifecycle hook; late: the deployment was already in {seen.LifecycleStage} when first seen, production traffic may have moved)"
                    : " (polling, no lifecycle hook holds the deployment: production traffic may move before the smoke test ends)";
        Report($"test-traffic gate: smoke test through the test listener while {ShortName(seen.Arn)} is in {seen.LifecycleStage}{how}");
        var smokeFailure = await gate.Smoke(cancellation).ConfigureAwait(false);
        Report(smokeFailure is null ? "test-traffic gate passed" : $"test-traffic gate failed: {Bounded.Text(smokeFailure, 300)}");
        var failure = smokeFailure is null ? null : $"smoke test on the test listener failed in {seen.LifecycleStage}: {Bounded.Text(smokeFailure, 500)}";
        if (!held)
        {
            return (failure, false);
        }

        try
        {
            // Not cancelled by an interrupt: a verdict written is how the hook lets go of the deployment at once.
            var parameter = await gate.Verdicts!.WriteAsync(seen, failure, CancellationToken.None).ConfigureAwait(false);
            Report(failure is null
                ? $"verdict 'pass' written to {parameter}: the hook lets production traffic move"
                : $"verdict 'fail' written to {parameter}: the hook fails and ECS rolls {ShortName(seen.Arn)} back before production traffic moves");
            return (failure, true);
        }
        catch (AwsServiceException unwritten)
        {
            Report($"the test-traffic verdict could not be written ({Bounded.Text(unwritten.Message, 300)})");
            return (failure ?? $"the test-traffic verdict could not be written for the hook ({Bounded.Text(unwritten.Message, 300)})", false);
        }
    }

    private static (EcsRolloutResult Result, string Reason)? Judge(EcsServiceDeploymentState seen, string strategy, string? gateFailure, double production)
    {
        var name = $"{strategy} deployment {ShortName(seen.Arn)}";
        var why = Why(seen);
        var moved = production > 0
            ? string.Create(CultureInfo.InvariantCulture, $"production traffic had reached {production:0.#}% on the new revision")
            : "production traffic never moved to the new revision";
        var cause = gateFailure is null ? "" : $"{gateFailure}; ";
        return seen.Status switch
        {
            EcsServiceDeploymentStatuses.Successful when gateFailure is null => (EcsRolloutResult.Completed, $"{name} SUCCESSFUL"),
            EcsServiceDeploymentStatuses.Successful => (EcsRolloutResult.Failed, $"{cause}{name} went on to SUCCESSFUL before the rollback took hold: the new revision serves production"),
            EcsServiceDeploymentStatuses.RollbackSuccessful => (EcsRolloutResult.RolledBack, $"{cause}{name} was rolled back (ROLLBACK_SUCCESSFUL){why}; {moved}"),
            EcsServiceDeploymentStatuses.RollbackFailed => (EcsRolloutResult.Failed, $"{cause}{name} failed to roll back (ROLLBACK_FAILED){why}"),
            EcsServiceDeploymentStatuses.Stopped => (EcsRolloutResult.Failed, $"{cause}{name} was STOPPED{why}"),
            _ => null,
        };
    }

    private static string Why(EcsServiceDeploymentState seen)
    {
        var parts = new List<string>();
        if (seen.TriggeredAlarms.Count > 0)
        {
            parts.Add($"alarm in ALARM: {string.Join(", ", seen.TriggeredAlarms)}");
        }

        if (!string.IsNullOrWhiteSpace(seen.RollbackReason))
        {
            parts.Add($"rollback reason: {seen.RollbackReason.Trim()}");
        }

        if (!string.IsNullOrWhiteSpace(seen.StatusReason) && seen.StatusReason != seen.RollbackReason)
        {
            parts.Add(seen.StatusReason.Trim());
        }

        return parts.Count == 0 ? "" : ": " + Bounded.Text(string.Join("; ", parts), 600);
    }

    private async Task<EcsRolloutOutcome> OutcomeAsync(
        string cluster, string service, EcsRolloutResult result, string reason, string? arn, int polls, TimeSpan elapsed, IReadOnlyList<double> steps, string? gateFailure, CancellationToken cancellation)
    {
        // What runs now (the PRIMARY deployment's task definition), for the message and the failure details.
        var described = await _ecs.DescribeServiceAsync(cluster, service, cancellation).ConfigureAwait(false);
        return new EcsRolloutOutcome(result, reason, described, arn, polls, elapsed)
        {
            ProductionTrafficSteps = [.. steps],
            GateFailure = gateFailure,
        };
    }

    private static string Line(string strategy, EcsServiceDeploymentState seen, TimeSpan elapsed)
    {
        var target = seen.Target;
        var traffic = target?.ProductionTrafficWeight is { } weight
            ? string.Create(CultureInfo.InvariantCulture, $", production {weight:0.#}% new / {100 - weight:0.#}% old")
            : "";
        var test = target?.TestTrafficWeight is { } testWeight ? string.Create(CultureInfo.InvariantCulture, $", test {testWeight:0.#}% new") : "";
        var tasks = target is null ? "" : string.Create(CultureInfo.InvariantCulture, $", {target.RunningTaskCount}/{target.RequestedTaskCount} new tasks running");
        var alarms = seen.TriggeredAlarms.Count > 0 ? $", ALARM: {string.Join(", ", seen.TriggeredAlarms)}" : "";
        return $"deployment {ShortName(seen.Arn)}: {strategy} {seen.Status}, {seen.LifecycleStage ?? "no stage yet"}{traffic}{test}{tasks}{alarms}, {Seconds(elapsed)} s";
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);

    private void Report(string line) => _progress(new EcsProgress(line, IsPoll: false, Changed: true));
}
