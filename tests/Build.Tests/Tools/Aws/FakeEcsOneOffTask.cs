namespace Build.Tests.Tools.Aws;

/// <summary>How a task started by RunTask goes in the fake, counted in the DescribeTasks polls that include it.</summary>
public enum FakeEcsOneOffOutcome
{
    /// <summary>PENDING, then RUNNING, then on poll <see cref="FakeEcsOneOffTask.Polls"/> STOPPED with the container's exit code.</summary>
    Exits,

    /// <summary>PENDING, then STOPPED with stopCode TaskFailedToStart and no exit code (e.g. the image cannot be pulled).</summary>
    NeverStarts,

    /// <summary>RunTask answers with failures[] and no task (e.g. RESOURCE:ENI).</summary>
    RunTaskFails,

    /// <summary>RUNNING until StopTask stops it.</summary>
    NeverStops,
}

/// <summary>The script of one task RunTask starts; <see cref="FakeEcs.ScriptNextTask"/> queues one per RunTask to come (unscripted: exits 0).</summary>
public sealed record FakeEcsOneOffTask(FakeEcsOneOffOutcome Outcome, int ExitCode = 0, int Polls = 3)
{
    public const string ExitedReason = "Essential container in task exited";
    public const string PullFailure = "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref";
    public const string EniFailure = "RESOURCE:ENI";

    public static FakeEcsOneOffTask ExitsWith(int exitCode, int polls = 3) => new(FakeEcsOneOffOutcome.Exits, exitCode, polls);

    public static FakeEcsOneOffTask NeverStarts() => new(FakeEcsOneOffOutcome.NeverStarts, Polls: 2);

    public static FakeEcsOneOffTask RunTaskFails() => new(FakeEcsOneOffOutcome.RunTaskFails);

    public static FakeEcsOneOffTask NeverStops() => new(FakeEcsOneOffOutcome.NeverStops, Polls: int.MaxValue);
}
