namespace Build.Core.Reporting;

/// <summary>One task's line in build-report.json.</summary>
public sealed record TaskRecord(
    string Name,
    string Status,
    double DurationSeconds,
    string? SkipReason,
    string? Error,
    IReadOnlyDictionary<string, string> Outputs);
