namespace Build.Tools.Trivy;

/// <summary>The part of <c>trivy image --format json</c> (schema 2) the build reads; names match case-insensitively.</summary>
public sealed record TrivyReportWire(int? SchemaVersion, string? ArtifactName, IReadOnlyList<TrivyResultWire>? Results);

public sealed record TrivyResultWire(string? Target, string? Class, string? Type, IReadOnlyList<TrivyVulnerabilityWire>? Vulnerabilities);

public sealed record TrivyVulnerabilityWire(
    string? VulnerabilityId,
    string? PkgName,
    string? InstalledVersion,
    string? FixedVersion,
    string? Severity,
    string? Title,
    string? PrimaryUrl);
