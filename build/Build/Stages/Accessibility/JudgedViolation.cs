namespace Build.Stages.Accessibility;

/// <summary>A violation with the gate's verdict and the baseline entry that matched it, if any.</summary>
public sealed record JudgedViolation(AccessibilityViolation Violation, ViolationStatus Status, BaselineEntry? Entry)
{
    public bool Fails => Status is ViolationStatus.Failing or ViolationStatus.Expired;
}
