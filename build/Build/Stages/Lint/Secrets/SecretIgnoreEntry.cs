namespace Build.Stages.Lint.Secrets;

/// <summary>
/// A reviewed decision that what rule <paramref name="Id"/> finds in the files <paramref name="Path"/> names (a path
/// from the repository root; <c>*</c> matches within a folder name, <c>**</c> across folders) is not a secret, until
/// <paramref name="Expires"/> (inclusive), for <paramref name="Reason"/>. It covers the working tree and history alike.
/// <paramref name="Line"/> is where the entry sits in the ignore file, to point at it when it expires.
/// </summary>
public sealed record SecretIgnoreEntry(string Id, string Path, string Reason, DateOnly Expires, int Line)
{
    public bool Matches(SecretFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Rule.Equals(Id, StringComparison.OrdinalIgnoreCase) && PathGlob.Matches(Path, finding.File);
    }

    public bool IsExpired(DateOnly today) => Expires < today;

    public int DaysLeft(DateOnly today) => Expires.DayNumber - today.DayNumber;

    public override string ToString() => $"{Id} in {Path}";
}
