using System.Globalization;

namespace Build.Stages.Lint.Secrets;

/// <summary>
/// The secret scan: every tracked file of the working tree, then the lines each commit since the last <c>v*</c> tag
/// added (all history without a tag; a shallow clone only has what it fetched, and <see cref="SecretScanResult.Scope"/>
/// says so). A value found in history that is still in a tracked file is reported once, where it is now; one added and
/// deleted since is reported as <c>commit:file:line</c>. Ignore entries are applied last; an expired entry fails.
/// </summary>
public static class SecretScan
{
    public const int WarnDays = 14;

    public static SecretScanResult Run(GitCommand git, string root, IReadOnlyList<SecretIgnoreEntry> ignore, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(root);
        var tree = new List<SecretFinding>();
        var skipped = new List<string>();
        var files = SecretSources.TrackedFiles(git);
        foreach (var file in files)
        {
            var (text, why) = SecretSources.Read(Path.Combine(root, file));
            if (text is null)
            {
                skipped.Add($"{file} ({why})");
                continue;
            }

            tree.AddRange(SecretScanner.ScanText(file, text));
        }

        var (history, historyScope) = ScanHistory(git);
        var inTree = tree.Select(finding => finding.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var onlyInHistory = history.Where(finding => !inTree.Contains(finding.Fingerprint))
            .DistinctBy(finding => (finding.Fingerprint, finding.File))
            .ToList();
        var skippedNote = skipped.Count == 0
            ? ""
            : $"; {skipped.Count.ToString(CultureInfo.InvariantCulture)} skipped: {string.Join(", ", skipped.Take(5))}{(skipped.Count > 5 ? ", ..." : "")}";
        var scope = $"{files.Count.ToString(CultureInfo.InvariantCulture)} tracked files{skippedNote}; {historyScope}";
        return Judge([.. tree, .. onlyInHistory], ignore, today, scope);
    }

    /// <summary>Splits findings into failing and ignored ones; pure, for the tests.</summary>
    public static SecretScanResult Judge(IReadOnlyList<SecretFinding> found, IReadOnlyList<SecretIgnoreEntry> ignore, DateOnly today, string scope)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(ignore);
        var findings = new List<SecretFinding>();
        var ignored = new List<(SecretFinding, SecretIgnoreEntry)>();
        foreach (var finding in found)
        {
            var entry = ignore.FirstOrDefault(candidate => !candidate.IsExpired(today) && candidate.Matches(finding));
            if (entry is null)
            {
                findings.Add(finding);
            }
            else
            {
                ignored.Add((finding, entry));
            }
        }

        var expired = ignore.Where(entry => entry.IsExpired(today)).ToList();
        var soon = ignore.Where(entry => !entry.IsExpired(today) && entry.DaysLeft(today) < WarnDays).ToList();
        var unused = ignore.Where(entry => !entry.IsExpired(today) && !ignored.Any(item => item.Item2 == entry)).ToList();
        return new SecretScanResult(findings, ignored, expired, soon, unused, scope);
    }

    private static (IReadOnlyList<SecretFinding> Findings, string Scope) ScanHistory(GitCommand git)
    {
        if (!SecretSources.HasCommits(git))
        {
            return ([], "no commits yet");
        }

        var tag = SecretSources.LastReleaseTag(git);
        var range = tag is null ? "HEAD" : $"{tag}..HEAD";
        var lines = SecretSources.History(git, range);
        var commits = lines.Count(line => line.StartsWith("commit:", StringComparison.Ordinal));
        var shallow = SecretSources.IsShallow(git) ? " (a shallow clone: only the commits it holds; git fetch --unshallow scans them all)" : "";
        var what = tag is null ? "all history (no v* tag)" : $"the commits since {tag}";
        return (SecretScanner.ScanHistory(lines), $"{commits.ToString(CultureInfo.InvariantCulture)} commit(s): {what}{shallow}");
    }
}
