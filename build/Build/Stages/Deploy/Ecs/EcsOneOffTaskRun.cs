namespace Build.Stages.Deploy.Ecs;

/// <summary>A pre-deploy task that exited 0: which one, its task id, how long it took and where its logs are.</summary>
public sealed record EcsOneOffTaskRun(string Name, string TaskId, string Command, TimeSpan Elapsed, CloudWatchLogsLink? Logs)
{
    public override string ToString() =>
        $"{Name} task {TaskId} ('{Command}') exit 0 in {Elapsed.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} s";
}
