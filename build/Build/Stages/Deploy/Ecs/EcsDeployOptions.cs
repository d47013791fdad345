namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// How an ECS deploy polls (<see cref="EcsRolloutWatcher"/>) and reports: the poll interval starts at
/// <see cref="MinPollInterval"/>, grows by <see cref="PollGrowth"/> while nothing changes up to
/// <see cref="MaxPollInterval"/>, and drops back when something does; a failure names at most
/// <see cref="EventsShown"/> events and <see cref="StoppedTasksShown"/> stopped tasks.
/// </summary>
public sealed record EcsDeployOptions
{
    public static EcsDeployOptions Default { get; } = new();

    public TimeSpan MinPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(10);

    public double PollGrowth { get; init; } = 1.5;

    public int EventsShown { get; init; } = 5;

    /// <summary>Gets the most characters of one event's message in a failure.</summary>
    public int EventCharacters { get; init; } = 240;

    public int StoppedTasksShown { get; init; } = 3;

    /// <summary>
    /// Gets at which unanswered poll in a row (throttled or unreachable after the client's own retries) the watch gives
    /// up and throws; the ones before it are skipped. The first poll of a watch is never skipped.
    /// </summary>
    public int FailedPollsTolerated { get; init; } = 3;
}
