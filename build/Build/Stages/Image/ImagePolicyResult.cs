namespace Build.Stages.Image;

/// <summary>What the image policy found: every violation, and the size figures it judged.</summary>
public sealed record ImagePolicyResult(IReadOnlyList<PolicyViolation> Violations, ImageSize Size, int BudgetMegabytes)
{
    public bool Passed => Violations.Count == 0;

    public bool PassedRule(ImagePolicyRule rule) => Violations.All(violation => violation.Rule != rule);

    /// <summary>Gets the one line a failed policy ends the build with: the count and each broken rule.</summary>
    public string FailureMessage => Passed
        ? ""
        : $"Image policy: {Violations.Count} violation(s): {string.Join("; ", Violations.Select(violation => violation.ToString()))} (details: artifacts/image/image-scan.md).";
}
