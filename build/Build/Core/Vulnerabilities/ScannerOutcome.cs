namespace Build.Core.Vulnerabilities;

/// <summary>What one scanner did: ran and found <see cref="Findings"/>, or was skipped for <see cref="SkipReason"/> (shown in the report).</summary>
public sealed record ScannerOutcome(string Scanner, bool Ran, string? SkipReason, IReadOnlyList<VulnerabilityFinding> Findings, string? ReportPath)
{
    /// <summary>Gets what makes a skipped scanner run (e.g. how to install it), or null.</summary>
    public string? Remedy { get; init; }

    public static ScannerOutcome Completed(string scanner, IReadOnlyList<VulnerabilityFinding> findings, string? reportPath = null) =>
        new(scanner, true, null, findings, reportPath);

    public static ScannerOutcome Skipped(string scanner, string reason, string? remedy = null) => new(scanner, false, reason, [], null) { Remedy = remedy };

    public override string ToString() => Ran ? $"{Scanner}: {Findings.Count} finding(s)" : $"{Scanner}: skipped ({SkipReason})";
}
