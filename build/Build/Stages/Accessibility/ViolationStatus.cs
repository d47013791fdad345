namespace Build.Stages.Accessibility;

/// <summary>How the gate judged one violation.</summary>
public enum ViolationStatus
{
    /// <summary>At or above the threshold and not accepted: fails the gate.</summary>
    Failing,

    /// <summary>At or above the threshold, and its baseline entry has expired: fails the gate.</summary>
    Expired,

    /// <summary>Matched by a baseline entry that has not expired: reported, does not fail.</summary>
    Accepted,

    /// <summary>Below the threshold: reported, does not fail.</summary>
    BelowThreshold,
}
