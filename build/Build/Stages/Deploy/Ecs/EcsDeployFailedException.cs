namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// A failed ECS deploy: one line (bounded) saying what failed, why (rolloutStateReason, the newest service events,
/// stopped tasks' reasons and exit codes) and what runs now. A rollback is never a success: it is this failure with
/// <see cref="RolledBack"/> set. (Cake's own exception is sealed; the host reports any exception's message.)
/// </summary>
public sealed class EcsDeployFailedException : Exception
{
    public EcsDeployFailedException(EcsDeployFailureKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public EcsDeployFailureKind Kind { get; }

    /// <summary>Gets a value indicating whether the previous task definition runs again (ECS's rollback or ours).</summary>
    public bool RolledBack { get; init; }

    /// <summary>Gets the task definition the service's PRIMARY deployment runs, as last seen; null when not known.</summary>
    public string? RunningTaskDefinition { get; init; }

    /// <summary>Gets the task definition this deploy registered; null when it failed before registering.</summary>
    public string? NewTaskDefinition { get; init; }

    /// <summary>Gets this deploy's deployment id; null when it failed before UpdateService.</summary>
    public string? DeploymentId { get; init; }

    /// <summary>Gets when (by the deploy's clock) the failure was seen, for the time from FAILED to detection.</summary>
    public DateTimeOffset? DetectedAt { get; init; }

    /// <summary>Gets the API calls the deploy made, per operation.</summary>
    public IReadOnlyDictionary<string, int> ApiCalls { get; init; } = new Dictionary<string, int>();
}
