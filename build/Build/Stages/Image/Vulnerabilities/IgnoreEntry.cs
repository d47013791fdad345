using Build.Core.Vulnerabilities;
namespace Build.Stages.Image.Vulnerabilities;

/// <summary>
/// A reviewed decision to accept one vulnerability until a date: <paramref name="Id"/> (CVE/GHSA), optionally only in
/// <paramref name="Package"/>, with the <paramref name="Reason"/>. It ignores matching findings through <paramref name="Expires"/>
/// (inclusive); from the day after, it fails the gate until it is renewed or removed.
/// </summary>
public sealed record IgnoreEntry(string Id, string? Package, string Reason, DateOnly Expires)
{
    public bool Matches(VulnerabilityFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Id.Equals(Id, StringComparison.OrdinalIgnoreCase)
               && (Package is null || finding.Package.Equals(Package, StringComparison.OrdinalIgnoreCase));
    }

    public bool IsExpired(DateOnly today) => Expires < today;

    /// <summary>Gets the days left, 0 on the last valid day; negative once expired.</summary>
    public int DaysLeft(DateOnly today) => Expires.DayNumber - today.DayNumber;

    /// <summary>Gets the entry as people name it: "CVE-2024-0727 (libssl3)".</summary>
    public override string ToString() => Package is null ? Id : $"{Id} ({Package})";
}
