namespace Build.Tests.Tools.Aws;

/// <summary>How a fake ECS deployment started by UpdateService goes, counted in DescribeServices polls.</summary>
public enum FakeEcsOutcome
{
    /// <summary>COMPLETED on poll <see cref="FakeEcsRollout.Polls"/>; the replaced deployments are gone.</summary>
    Completes,

    /// <summary>
    /// FAILED on poll <see cref="FakeEcsRollout.Polls"/> with a rolloutStateReason; with the circuit breaker's rollback on,
    /// a new PRIMARY deployment of the previous revision is there and COMPLETED, events say so, tasks stopped.
    /// </summary>
    FailsWithRollback,

    /// <summary>What a slow watcher sees after a rollback: ours gone (or INACTIVE), the service steady on the previous revision.</summary>
    StableAfterRollback,

    /// <summary>IN_PROGRESS forever, one task short and one pending, nothing changing.</summary>
    NeverSettles,

    /// <summary>Another UpdateService replaced ours on poll <see cref="FakeEcsRollout.Polls"/>: ours is gone, theirs is PRIMARY.</summary>
    Superseded,
}

/// <summary>The script of one rollout; <see cref="FakeEcsService.ScriptNext"/> queues one per UpdateService to come.</summary>
public sealed record FakeEcsRollout(FakeEcsOutcome Outcome, int Polls = 2)
{
    public const string CircuitBreakerReason = "ECS deployment circuit breaker: tasks failed to start.";

    public string Reason { get; init; } = CircuitBreakerReason;

    /// <summary>
    /// Gets the time after the deployment started at which the outcome happens, instead of a poll count: the first
    /// poll at or after it sees the outcome, and <see cref="FakeEcsService.DeclaredFailedAt"/> is that moment (not the
    /// poll's), so detection latency can be measured. Until then nothing changes (no task runs yet).
    /// </summary>
    public TimeSpan? After { get; init; }

    /// <summary>Gets the poll after which the next <see cref="Throttles"/> DescribeServices requests are throttled.</summary>
    public int? ThrottleAfterPoll { get; init; }

    public int Throttles { get; init; }

    /// <summary>Gets a value indicating whether, after a rollback, ours is still listed as INACTIVE (else it is gone).</summary>
    public bool OursInactiveAfterRollback { get; init; }

    /// <summary>Gets the task definition the superseding deployment runs (<see cref="FakeEcsOutcome.Superseded"/>).</summary>
    public string SupersededBy { get; init; } = $"arn:aws:ecs:{FakeEcs.Region}:{FakeEcs.AccountId}:task-definition/someone-else:1";

    /// <summary>Gets the tasks of our revision that stop when the rollout fails (or, never settling, at once).</summary>
    public IReadOnlyList<FakeEcsStoppedTask> StoppedTasks { get; init; } =
    [
        new("Essential container in task exited", 1, null),
        new("Task failed container health checks", 137, null),
    ];

    public static FakeEcsRollout Completes(int polls = 2) => new(FakeEcsOutcome.Completes, polls);

    public static FakeEcsRollout FailsWithRollback(int polls = 2) => new(FakeEcsOutcome.FailsWithRollback, polls);

    public static FakeEcsRollout StableAfterRollback(int polls = 2) => new(FakeEcsOutcome.StableAfterRollback, polls);

    public static FakeEcsRollout NeverSettles() => new(FakeEcsOutcome.NeverSettles, int.MaxValue);

    public static FakeEcsRollout Superseded(int polls = 2) => new(FakeEcsOutcome.Superseded, polls);
}

/// <summary>A task that stops in a scripted rollout: why ECS stopped it and how its (first) container exited.</summary>
public sealed record FakeEcsStoppedTask(string StoppedReason, int? ExitCode, string? ContainerReason);
