using System.Text;
using Build.Tools.Git;

namespace Build.Stages.Release;

/// <summary>The commits of a release, grouped (breaking changes, features, fixes, other), and their Markdown.</summary>
public sealed record ReleaseNotes(string Tag, string? PreviousTag, IReadOnlyList<(GitCommit Commit, ChangeKind Kind)> Commits)
{
    public static ReleaseNotes Of(string tag, string? previousTag, IEnumerable<GitCommit> commits) =>
        new(tag, previousTag, [.. commits.Select(commit => (commit, ConventionalCommit.Classify(commit)))]);

    public int Count(ChangeKind kind) => Commits.Count(entry => entry.Kind == kind);

    public static string Heading(ChangeKind kind) => kind switch
    {
        ChangeKind.Breaking => "Breaking changes",
        ChangeKind.Feature => "Features",
        ChangeKind.Fix => "Fixes",
        _ => "Other",
    };

    /// <summary>A title, one line saying what it covers, then one section per non-empty group: "- sha subject", newest first.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("# ").Append(Tag).Append("\n\n");
        var since = PreviousTag is null ? "since the first commit" : $"since {PreviousTag}";
        text.Append(Commits.Count).Append(Commits.Count == 1 ? " commit " : " commits ").Append(since).Append(".\n");
        foreach (var kind in Enum.GetValues<ChangeKind>())
        {
            var entries = Commits.Where(entry => entry.Kind == kind).ToList();
            if (entries.Count == 0)
            {
                continue;
            }

            text.Append("\n## ").Append(Heading(kind)).Append("\n\n");
            foreach (var (commit, _) in entries)
            {
                text.Append("- ").Append(commit.ShortSha).Append(' ').Append(commit.Subject).Append('\n');
            }
        }

        return text.ToString();
    }
}
