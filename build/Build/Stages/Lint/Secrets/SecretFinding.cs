using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Build.Stages.Lint.Secrets;

/// <summary>
/// A secret found in a tracked file (<paramref name="Commit"/> null) or in a line a commit added. It never holds the
/// secret: <paramref name="Preview"/> shows at most its public prefix (<c>AKIA***</c>) and <paramref name="Fingerprint"/>
/// is a hash of it, to tell a value found in history from the same value still in the tree.
/// </summary>
public sealed record SecretFinding(string Rule, string File, int Line, int Column, string? Commit, string Preview, int Length, string Fingerprint)
{
    public static SecretFinding From(SecretRule rule, SecretMatch match, string file, int line, string? commit)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(match);
        return new SecretFinding(rule.Id, file, line, match.Index + 1, commit, PreviewOf(match), match.Value.Length, Hash(match.Value));
    }

    /// <summary>Gets the finding as people read it: <c>file:line rule</c>, or <c>commit:file:line rule</c> from history.</summary>
    public override string ToString() => Commit is null ? $"{File}:{Line} {Rule}" : $"{Commit}:{File}:{Line} {Rule}";

    /// <summary>Gets what a finding may say about the value: its public prefix and length, never the rest.</summary>
    public string Describe() => $"{Preview} ({Length.ToString(CultureInfo.InvariantCulture)} characters)";

    private static string PreviewOf(SecretMatch match) =>
        match.PublicPrefix > 0 && match.Value.Length > match.PublicPrefix + 8 ? match.Value[..match.PublicPrefix] + "***" : "***";

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
