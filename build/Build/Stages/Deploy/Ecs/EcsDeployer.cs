using System.Globalization;
using Build.Core.Reporting;
using Build.Tools.Aws.Ecs;
using Build.Tools.Aws.Ssm;

namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// Deploys an image (by digest) to an ECS service, the cloud environments' deploy:
/// <list type="number">
/// <item>DescribeServices: a missing service fails naming cluster and service (Apply creates it); a deployment in
/// progress is refused (one deploy per environment at a time), before anything is registered.</item>
/// <item>The service's current task definition is described and registered again with one change, the named
/// container's image (<see cref="TaskDefinitionRevision"/>).</item>
/// <item>The environment's pre-deploy tasks (prod's backup, then the migration) run one by one as one-off tasks of the
/// NEW revision (<see cref="EcsOneOffTaskRunner"/>); any that does not exit 0 stops the deploy here, before UpdateService.</item>
/// <item>UpdateService to the new revision; its deployment is followed (<see cref="EcsRolloutWatcher"/>) until
/// COMPLETED. FAILED, a circuit-breaker rollback, the deployment disappearing and the timeout fail, with the newest
/// service events and the stopped tasks' reasons and exit codes (<see cref="EcsFailureDetails"/>).</item>
/// <item>The smoke test runs against the service URL; when it fails, the service is pointed back at the previous
/// revision and followed to COMPLETED, and the deploy still fails, saying what runs now.</item>
/// </list>
/// Every wait is on the given clock; the ECS client retries throttling itself.
/// </summary>
public sealed class EcsDeployer
{
    private readonly IEcsClient _ecs;
    private readonly Func<Uri, string?, CancellationToken, Task<IReadOnlyList<string>>> _smoke;
    private readonly Action<EcsProgress> _progress;
    private readonly TimeProvider _clock;
    private readonly EcsDeployOptions _options;
    private readonly ISsmClient? _ssm;

    /// <param name="ecs">The ECS client (in the environment's region).</param>
    /// <param name="smoke">The smoke test: service URL, expected version; returns the checks that passed, throws on failure (<see cref="SmokeTest.RunAsync"/>).</param>
    /// <param name="progress">Receives a line per step and per poll.</param>
    /// <param name="clock">The clock every wait and timing uses.</param>
    /// <param name="options">Poll interval bounds and how much a failure names; <see cref="EcsDeployOptions.Default"/> when null.</param>
    /// <param name="ssm">Where the test-traffic gate's verdict goes when the request has a lifecycle hook (required then).</param>
    public EcsDeployer(
        IEcsClient ecs,
        Func<Uri, string?, CancellationToken, Task<IReadOnlyList<string>>> smoke,
        Action<EcsProgress> progress,
        TimeProvider clock,
        EcsDeployOptions? options = null,
        ISsmClient? ssm = null)
    {
        _ssm = ssm;
        _ecs = ecs ?? throw new ArgumentNullException(nameof(ecs));
        _smoke = smoke ?? throw new ArgumentNullException(nameof(smoke));
        _progress = progress ?? throw new ArgumentNullException(nameof(progress));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? EcsDeployOptions.Default;
    }

    /// <summary>Deploys <paramref name="request"/>; returns what runs now, or throws <see cref="EcsDeployFailedException"/> (one line) saying why not and what runs instead.</summary>
    public async Task<EcsDeployment> DeployAsync(EcsDeployRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(request.Timeout, TimeSpan.Zero);
        EcsImageReference.RequireDigest(request.Image, request.Target);
        if (request.TestTrafficGate is not null && _ssm is null)
        {
            throw new ArgumentException("A request with a test-traffic gate hook needs the SSM client its verdict is written with.", nameof(request));
        }

        if (request.Strategy?.Problems() is { Count: > 0 } problems)
        {
            throw new EcsDeployFailedException(
                EcsDeployFailureKind.Refused,
                $"Deploy to ECS service {request.Target} refused before anything changed: the deployment strategy cannot be deployed: {string.Join("; ", problems)}; check the environment's tfvars and run Apply.");
        }

        if (request.PreDeploy?.Problems() is { Count: > 0 } preDeployProblems)
        {
            throw new EcsDeployFailedException(
                EcsDeployFailureKind.Refused,
                $"Deploy to ECS service {request.Target} refused before anything changed: the pre-deploy tasks cannot run: {string.Join("; ", preDeployProblems)}; check pre_deploy_command and pre_deploy_backup_command in the environment's tfvars and run Apply.");
        }

        var ecs = new CountingEcsClient(_ecs);
        var started = _clock.GetTimestamp();

        var service = await DescribeAsync(ecs, request, cancellation).ConfigureAwait(false);
        RefuseWhileBusy(service, request, ecs);
        var previous = service.Primary?.TaskDefinition is { Length: > 0 } primary ? primary : service.TaskDefinition;
        var current = await ecs.DescribeTaskDefinitionAsync(previous, cancellation).ConfigureAwait(false);
        var registration = TaskDefinitionRevision.WithImage(current, request.Container, request.Image, request.Secrets, out var secretChanges);
        var registered = await ecs.RegisterTaskDefinitionAsync(registration, cancellation).ConfigureAwait(false);
        var registerTime = _clock.GetElapsedTime(started);
        Report($"registered {registered} ({request.Container} = {request.Image}{(secretChanges.Count == 0 ? "" : $"; secrets: {string.Join(", ", secretChanges)}")}), replacing {current}");
        var preDeployRuns = await RunPreDeployTasksAsync(ecs, request, registered, previous, cancellation).ConfigureAwait(false);

        var rolloutStarted = _clock.GetTimestamp();
        var settings = request.Strategy is { } strategy
            ? new EcsDeploymentSettings(strategy, service.CircuitBreaker, service.MaximumPercent, service.MinimumHealthyPercent)
            : null;
        var follower = new Follower(ecs, new EcsRolloutWatcher(ecs, _clock, _options, _progress), new EcsLifecycleWatcher(ecs, _clock, _options, _progress), settings);
        var gate = request.TestUrl is { } testUrl && settings is { Strategy.ShiftsTraffic: true }
            ? new TestTrafficGate(SmokeThroughTestListener(testUrl, request.ExpectedVersion), request.TestTrafficGate is { } hook ? new TestTrafficVerdicts(_ssm!, hook, _clock) : null)
            : null;
        var rollout = await StartAndFollowAsync(follower, request, registered.Arn, previous, gate, cancellation, cancellation).ConfigureAwait(false);
        if (!rollout.IsCompleted)
        {
            throw await RolloutFailureAsync(ecs, request, rollout, registered.Arn, cancellation).ConfigureAwait(false);
        }

        var rolloutTime = _clock.GetElapsedTime(rolloutStarted);
        var smokeStarted = _clock.GetTimestamp();
        IReadOnlyList<string> checks;
        try
        {
            checks = await _smoke(request.ServiceUrl, request.ExpectedVersion, cancellation).ConfigureAwait(false);
        }
        catch (Exception failed) when (failed is not OutOfMemoryException)
        {
            // Interrupted or failed alike: what runs was never proven, so the previous revision is put back.
            throw await RollBackAsync(ecs, follower, request, registered.Arn, previous, rollout.DeploymentId, SmokeReason(failed, cancellation), cancellation).ConfigureAwait(false);
        }

        var smokeTime = _clock.GetElapsedTime(smokeStarted);
        return new EcsDeployment(
            request.Cluster,
            request.Service,
            rollout.DeploymentId ?? "",
            registered.Arn,
            previous,
            request.Image,
            request.ExpectedVersion,
            request.ServiceUrl,
            new EcsDeployTimings(registerTime, rolloutTime, smokeTime, _clock.GetElapsedTime(started)),
            checks,
            ecs.Counts,
            rollout.Polls)
        {
            Strategy = request.Strategy?.Strategy,
            ProductionTrafficSteps = follower.ProductionSteps ?? [],
            PreDeployRuns = preDeployRuns,
        };
    }

    /// <summary>The pre-deploy tasks in order, each from the new revision; the first that fails stops the deploy before any traffic moves.</summary>
    private async Task<IReadOnlyList<EcsOneOffTaskRun>> RunPreDeployTasksAsync(
        CountingEcsClient ecs, EcsDeployRequest request, EcsTaskDefinition registered, string previous, CancellationToken cancellation)
    {
        if (request.PreDeploy is not { Tasks.Count: > 0 } preDeploy)
        {
            return [];
        }

        var runner = new EcsOneOffTaskRunner(ecs, _clock, _options, _progress);
        var runs = new List<EcsOneOffTaskRun>();
        foreach (var task in preDeploy.Tasks)
        {
            try
            {
                runs.Add(await runner.RunAsync(request, registered, previous, task, preDeploy, cancellation).ConfigureAwait(false));
            }
            catch (EcsDeployFailedException failed)
            {
                throw new EcsDeployFailedException(failed.Kind, failed.Message)
                {
                    RunningTaskDefinition = failed.RunningTaskDefinition,
                    NewTaskDefinition = failed.NewTaskDefinition,
                    DetectedAt = _clock.GetUtcNow(),
                    ApiCalls = ecs.Counts,
                };
            }
        }

        return runs;
    }

    private static async Task<EcsService> DescribeAsync(CountingEcsClient ecs, EcsDeployRequest request, CancellationToken cancellation)
    {
        EcsService service;
        try
        {
            service = await ecs.DescribeServiceAsync(request.Cluster, request.Service, cancellation).ConfigureAwait(false);
        }
        catch (Exception missing) when (missing is EcsServiceNotFoundException or EcsClusterNotFoundException)
        {
            throw new EcsDeployFailedException(EcsDeployFailureKind.ServiceMissing, $"Deploy to ECS service {request.Target} failed: {missing.Message}") { ApiCalls = ecs.Counts };
        }

        return service.IsActive
            ? service
            : throw new EcsDeployFailedException(
                EcsDeployFailureKind.ServiceMissing,
                $"Deploy to ECS service {request.Target} failed: the service is {service.Status} (deleted or being deleted): create it again (terraform, target Apply).")
            {
                ApiCalls = ecs.Counts,
            };
    }

    /// <summary>One deploy per environment at a time: any deployment still IN_PROGRESS (someone else's, or a rollback) is refused.</summary>
    private void RefuseWhileBusy(EcsService service, EcsDeployRequest request, CountingEcsClient ecs)
    {
        var busy = service.Deployments.FirstOrDefault(deployment => deployment.IsInProgress)
            ?? (service.Deployments.Count > 1 && service.Deployments.All(deployment => deployment.RolloutState is null) ? service.Primary : null);
        if (busy is null)
        {
            return;
        }

        var since = busy.CreatedAt is { } created
            ? string.Create(CultureInfo.InvariantCulture, $"since {created:yyyy-MM-dd HH:mm:ss}Z, {(_clock.GetUtcNow() - created).TotalMinutes:0} min ago")
            : "since an unknown time";
        throw new EcsDeployFailedException(
            EcsDeployFailureKind.Refused,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Deploy to ECS service {request.Target} refused: deployment {busy.Id} ({busy.Status}, task definition {EcsArns.ShortTaskDefinition(busy.TaskDefinition)}) is in progress {since}, {busy.RunningCount}/{busy.DesiredCount} running; one deploy per environment at a time: wait for it to complete or fail, then deploy again."))
        {
            RunningTaskDefinition = service.Primary?.TaskDefinition,
            ApiCalls = ecs.Counts,
        };
    }

    private async Task<EcsDeployFailedException> RolloutFailureAsync(CountingEcsClient ecs, EcsDeployRequest request, EcsRolloutOutcome rollout, string registered, CancellationToken cancellation)
    {
        var detectedAt = _clock.GetUtcNow();
        var details = await EcsFailureDetails.CollectAsync(ecs, request.Cluster, rollout.Service, registered, _options, cancellation).ConfigureAwait(false);
        var (kind, after) = rollout.Result switch
        {
            _ when rollout.GateFailure is not null => (
                EcsDeployFailureKind.TestTrafficFailed,
                rollout.Result == EcsRolloutResult.RolledBack ? $"{EcsArns.ShortTaskDefinition(rollout.RunningTaskDefinition ?? "")} runs again" : "check the service in the ECS console"),
            EcsRolloutResult.RolledBack => (EcsDeployFailureKind.RolledBackByEcs, $"{EcsArns.ShortTaskDefinition(rollout.RunningTaskDefinition ?? "")} runs again"),
            EcsRolloutResult.Failed => (EcsDeployFailureKind.RolloutFailed, "check the service in the ECS console"),
            EcsRolloutResult.Gone => (EcsDeployFailureKind.DeploymentGone, "check who else deploys this service"),
            _ => (EcsDeployFailureKind.TimedOut, TimedOutAdvice(rollout.Service)),
        };
        return new EcsDeployFailedException(kind, $"Deploy of {request.Image} to ECS service {request.Target} failed: {rollout.Reason}; {after}. {details}")
        {
            RolledBack = rollout.Result == EcsRolloutResult.RolledBack,
            RunningTaskDefinition = rollout.RunningTaskDefinition,
            NewTaskDefinition = registered,
            DeploymentId = rollout.DeploymentId,
            DetectedAt = detectedAt,
            ApiCalls = ecs.Counts,
        };
    }

    private static string TimedOutAdvice(EcsService service) => service.CircuitBreaker is { Enable: true, Rollback: true }
        ? "ECS goes on with it, and its circuit breaker rolls it back if its tasks keep failing; raise the deploy timeout if rollouts are this slow"
        : "ECS goes on with it and nothing rolls it back (the service has no circuit breaker with rollback): check the service in the ECS console";

    private async Task<EcsDeployFailedException> RollBackAsync(
        CountingEcsClient ecs, Follower follower, EcsDeployRequest request, string registered, string previous, string? deploymentId, string reason, CancellationToken cancellation)
    {
        Report($"{reason}; rolling {request.Target} back to {EcsArns.ShortTaskDefinition(previous)}");
        string after;
        var rolledBack = false;
        string? running = registered;
        try
        {
            // Not cancelled by an interrupt: putting the previous revision back is how an interrupted deploy stops cleanly.
            var rollback = await StartAndFollowAsync(follower, request, previous, registered, gate: null, CancellationToken.None, cancellation).ConfigureAwait(false);
            running = rollback.RunningTaskDefinition;
            if (rollback.IsCompleted)
            {
                rolledBack = true;
                after = string.Create(CultureInfo.InvariantCulture, $"rolled back: {previous} runs again (deployment {rollback.DeploymentId}, {rollback.Elapsed.TotalSeconds:0} s)");
            }
            else
            {
                var details = await EcsFailureDetails.CollectAsync(ecs, request.Cluster, rollback.Service, previous, _options, cancellation).ConfigureAwait(false);
                after = $"rollback failed too: {rollback.Reason}; the service's PRIMARY runs {running ?? "nothing"}. {details}";
            }
        }
        catch (Exception failed) when (failed is not (OutOfMemoryException or OperationCanceledException))
        {
            after = $"rollback failed too ({failed.Message}): {registered} may still run; check the service in the ECS console";
        }

        return new EcsDeployFailedException(
            EcsDeployFailureKind.SmokeFailed,
            $"Deploy of {request.Image} to ECS service {request.Target} failed after its rollout completed: {Bounded.Text(reason, 500)}; {after}")
        {
            RolledBack = rolledBack,
            RunningTaskDefinition = running,
            NewTaskDefinition = registered,
            DeploymentId = deploymentId,
            DetectedAt = _clock.GetUtcNow(),
            ApiCalls = ecs.Counts,
        };
    }

    /// <summary>
    /// UpdateService (with the environment's strategy, when it names one) and the deployment it started followed to a
    /// verdict: by DescribeServices for a rolling update, by DescribeServiceDeployments for a strategy that shifts traffic.
    /// </summary>
    private async Task<EcsRolloutOutcome> StartAndFollowAsync(
        Follower follower,
        EcsDeployRequest request,
        string taskDefinition,
        string replacing,
        TestTrafficGate? gate,
        CancellationToken updateCancellation,
        CancellationToken cancellation)
    {
        var ecs = follower.Ecs;
        if (follower.Settings is not { Strategy.ShiftsTraffic: true } settings)
        {
            var update = follower.Settings is { } rolling
                ? await ecs.UpdateServiceAsync(request.Cluster, request.Service, taskDefinition, rolling, updateCancellation).ConfigureAwait(false)
                : await ecs.UpdateServiceAsync(request.Cluster, request.Service, taskDefinition, updateCancellation).ConfigureAwait(false);
            Report($"{request.Target} now deploys {EcsArns.ShortTaskDefinition(taskDefinition)}{Describe(follower.Settings?.Strategy)}: deployment {update.DeploymentId ?? "(not named by UpdateService; followed by task definition)"}");
            return await follower.Rolling.WatchAsync(request.Cluster, request.Service, new EcsRolloutTarget(update.DeploymentId, taskDefinition), replacing, request.Timeout, cancellation)
                .ConfigureAwait(false);
        }

        // ListServiceDeployments before the update: a deployment listed then is never taken for the one the update starts.
        var createdAfter = _clock.GetUtcNow() - TimeSpan.FromHours(1);
        var before = (await ecs.ListServiceDeploymentsAsync(request.Cluster, request.Service, createdAfter, updateCancellation).ConfigureAwait(false))
            .Select(listed => listed.Arn)
            .ToHashSet(StringComparer.Ordinal);
        // The gate's hook goes with the deployment it gates; any other (a rollback's) clears it, or nothing would answer it.
        settings = request.TestTrafficGate is { } hook ? settings with { LifecycleHooks = gate is { Holds: true } ? [hook.Hook()] : [] } : settings;
        await ecs.UpdateServiceAsync(request.Cluster, request.Service, taskDefinition, settings, updateCancellation).ConfigureAwait(false);
        Report($"{request.Target} now deploys {EcsArns.ShortTaskDefinition(taskDefinition)}{Describe(settings.Strategy)}{HookNote(settings, gate)}");
        // The deploy timeout is for what ECS does; the strategy's own bake times come on top of it.
        var timeout = request.Timeout + settings.Strategy.ScheduledWait();
        var outcome = await follower.Lifecycle.WatchAsync(request.Cluster, request.Service, settings.Strategy.Strategy, before, createdAfter, gate, timeout, cancellation)
            .ConfigureAwait(false);
        follower.ProductionSteps ??= outcome.ProductionTrafficSteps;
        return outcome;
    }

    /// <summary>" (CANARY: 10% for 5 min, then the rest; bake 10 min; alarms app-5xx, app-unhealthy)"; "" without a strategy.</summary>
    public static string Describe(EcsStrategySettings? strategy)
    {
        if (strategy is null)
        {
            return "";
        }

        var steps = strategy switch
        {
            { Strategy: EcsDeploymentStrategy.Canary, CanaryConfiguration: { } canary } =>
                string.Create(CultureInfo.InvariantCulture, $": {canary.CanaryPercent:0.#}% for {canary.CanaryBakeTimeInMinutes} min, then the rest"),
            { Strategy: EcsDeploymentStrategy.Linear, LinearConfiguration: { } linear } =>
                string.Create(CultureInfo.InvariantCulture, $": steps of {linear.StepPercent:0.#}%, {linear.StepBakeTimeInMinutes} min each"),
            _ => "",
        };
        var bake = strategy.BakeTimeInMinutes is { } minutes ? string.Create(CultureInfo.InvariantCulture, $"; bake {minutes} min") : "";
        var alarms = strategy.Alarms is { Enable: true, AlarmNames.Count: > 0 } watched
            ? $"; alarms {string.Join(", ", watched.AlarmNames)}{(watched.Rollback ? " (roll back)" : "")}"
            : "";
        return $" ({strategy.Strategy}{steps}{bake}{alarms})";
    }

    private static string HookNote(EcsDeploymentSettings settings, TestTrafficGate? gate) => (settings.LifecycleHooks, gate) switch
    {
        ({ Count: > 0 } hooks, _) => $"; lifecycle hook {hooks[0].HookTargetArn[(hooks[0].HookTargetArn.LastIndexOf(':') + 1)..]} holds it in {string.Join(", ", hooks[0].LifecycleStages)} for the test-traffic verdict",
        ({ Count: 0 }, _) => "; no lifecycle hook (cleared)",
        (_, { Holds: false }) => "; test-traffic gate by polling (no lifecycle hook recorded by Apply: nothing holds production traffic for the smoke test)",
        _ => "",
    };

    /// <summary>The test-traffic gate's smoke test through the test listener; null when it passed, else why not.</summary>
    private Func<CancellationToken, Task<string?>> SmokeThroughTestListener(Uri testUrl, string? version) => async cancellation =>
    {
        try
        {
            var checks = await _smoke(testUrl, version, cancellation).ConfigureAwait(false);
            Report($"test listener {testUrl}: {string.Join("; ", checks)}");
            return null;
        }
        catch (Exception failed) when (failed is not (OutOfMemoryException or OperationCanceledException))
        {
            return $"{testUrl}: {failed.Message}";
        }
    };

    private static string SmokeReason(Exception failed, CancellationToken cancellation) =>
        failed is OperationCanceledException && cancellation.IsCancellationRequested
            ? "interrupted during the smoke test"
            : failed.Message.StartsWith("smoke test failed", StringComparison.Ordinal) ? failed.Message : $"smoke test failed: {failed.Message}";

    private void Report(string line) => _progress(new EcsProgress(line, IsPoll: false, Changed: true));

    /// <summary>How this deploy starts and follows deployments: the counting client, both watchers, the strategy (null: UpdateService as before).</summary>
    private sealed class Follower(CountingEcsClient ecs, EcsRolloutWatcher rolling, EcsLifecycleWatcher lifecycle, EcsDeploymentSettings? settings)
    {
        public CountingEcsClient Ecs { get; } = ecs;

        public EcsRolloutWatcher Rolling { get; } = rolling;

        public EcsLifecycleWatcher Lifecycle { get; } = lifecycle;

        public EcsDeploymentSettings? Settings { get; } = settings;

        /// <summary>Gets or sets the production shares the first traffic-shifting deployment went through.</summary>
        public IReadOnlyList<double>? ProductionSteps { get; set; }
    }
}
