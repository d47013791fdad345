namespace Build.Stages.Lint.Secrets;

/// <summary>
/// What one secret scan found: findings that fail (<see cref="Findings"/>), findings an entry that has not expired let
/// through (<see cref="Ignored"/>), entries that expired (each fails by itself) or expire within
/// <see cref="SecretScan.WarnDays"/> days, live entries that matched nothing (<see cref="Unused"/>), and what was read (<see cref="Scope"/>: files, skipped files, the commits).
/// </summary>
public sealed record SecretScanResult(
    IReadOnlyList<SecretFinding> Findings,
    IReadOnlyList<(SecretFinding Finding, SecretIgnoreEntry Entry)> Ignored,
    IReadOnlyList<SecretIgnoreEntry> Expired,
    IReadOnlyList<SecretIgnoreEntry> ExpiringSoon,
    IReadOnlyList<SecretIgnoreEntry> Unused,
    string Scope);
