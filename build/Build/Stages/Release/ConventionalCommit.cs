using System.Text.RegularExpressions;
using Build.Tools.Git;

namespace Build.Stages.Release;

/// <summary>
/// Reads a commit as a conventional commit: <c>type(scope)!: subject</c>. A <c>!</c> after the type or scope, or a
/// <c>BREAKING CHANGE:</c> (or <c>BREAKING-CHANGE:</c>) footer, is a breaking change; <c>feat</c> a feature;
/// <c>fix</c> a fix; anything else (other types, subjects that are not conventional) is other.
/// </summary>
public static partial class ConventionalCommit
{
    public static ChangeKind Classify(string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var match = Header().Match(subject);
        if ((match.Success && match.Groups["bang"].Success) || BreakingFooter().IsMatch(body ?? ""))
        {
            return ChangeKind.Breaking;
        }

        if (!match.Success)
        {
            return ChangeKind.Other;
        }

        return match.Groups["type"].Value.ToLowerInvariant() switch
        {
            "feat" => ChangeKind.Feature,
            "fix" => ChangeKind.Fix,
            _ => ChangeKind.Other,
        };
    }

    public static ChangeKind Classify(GitCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        return Classify(commit.Subject, commit.Body);
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z]+)(?:\([^()]*\))?(?<bang>!)?: \S", RegexOptions.CultureInvariant)]
    private static partial Regex Header();

    [GeneratedRegex(@"^BREAKING[ -]CHANGE: ", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex BreakingFooter();
}
