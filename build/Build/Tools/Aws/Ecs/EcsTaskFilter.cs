namespace Build.Tools.Aws.Ecs;

/// <summary>
/// Which tasks ListTasks lists. ECS allows startedBy only as the sole filter, so there are two shapes: the tasks of
/// a family in a desired status (STOPPED ones stay listed for about an hour), or the tasks one starter started.
/// </summary>
public sealed record EcsTaskFilter
{
    public const string Stopped = "STOPPED";
    public const string Running = "RUNNING";

    private EcsTaskFilter(string cluster, string? family, string? startedBy, string? desiredStatus)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        Cluster = cluster;
        Family = family;
        StartedBy = startedBy;
        DesiredStatus = desiredStatus;
    }

    public string Cluster { get; }

    public string? Family { get; }

    public string? StartedBy { get; }

    public string? DesiredStatus { get; }

    /// <summary>The tasks of <paramref name="family"/> in <paramref name="desiredStatus"/> (STOPPED: the ones that ended).</summary>
    public static EcsTaskFilter ByFamily(string cluster, string family, string desiredStatus = Stopped)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        ArgumentException.ThrowIfNullOrWhiteSpace(desiredStatus);
        return new(cluster, family, null, desiredStatus);
    }

    /// <summary>The tasks started by <paramref name="startedBy"/>, e.g. a deployment id (ECS then lists RUNNING ones).</summary>
    public static EcsTaskFilter ByStarter(string cluster, string startedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(startedBy);
        return new(cluster, null, startedBy, null);
    }
}
