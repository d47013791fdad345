using Build.Core.Vulnerabilities;
namespace Build.Stages.Image.Vulnerabilities;

/// <summary>A finding the gate let through because of an ignore entry that has not expired.</summary>
public sealed record IgnoredFinding(VulnerabilityFinding Finding, IgnoreEntry Entry);
