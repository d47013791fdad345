namespace Build.Tools.Aws.Ecs;

/// <summary>
/// A deployment's rolloutState (rolling-update services only): IN_PROGRESS until the service is steady, then
/// COMPLETED; FAILED when the deployment circuit breaker gave up on it (it launches no more tasks).
/// </summary>
public static class EcsRolloutStates
{
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
}
