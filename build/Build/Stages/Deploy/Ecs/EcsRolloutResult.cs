namespace Build.Stages.Deploy.Ecs;

/// <summary>How following a deployment ended.</summary>
public enum EcsRolloutResult
{
    /// <summary>PRIMARY and COMPLETED: the service is steady on it.</summary>
    Completed,

    /// <summary>Its rolloutState is FAILED and nothing rolled it back.</summary>
    Failed,

    /// <summary>FAILED, gone or replaced while the PRIMARY runs the revision it was replacing: the service is back where it was.</summary>
    RolledBack,

    /// <summary>Gone, or replaced by a deployment of yet another revision.</summary>
    Gone,

    /// <summary>Still not COMPLETED when the time was up.</summary>
    TimedOut,
}
