namespace Build.Tools.Aws.Ecr;

/// <summary>
/// One vulnerability ECR found in one package. Basic scanning gives no fixed version; enhanced scanning does.
/// <see cref="Severity"/> is ECR's word (INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL, UNDEFINED, UNTRIAGED).
/// </summary>
public sealed record EcrFinding(
    string Id,
    string Severity,
    string? PackageName,
    string? PackageVersion,
    string? FixedVersion,
    string? Title,
    string? Uri,
    bool Enhanced);
