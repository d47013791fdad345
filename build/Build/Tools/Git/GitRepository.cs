using System.Diagnostics;

namespace Build.Tools.Git;

/// <summary>Questions to the git CLI about one working tree, and the few commands a release runs (fetch, tag, push).</summary>
public sealed class GitRepository(string workingDirectory)
{
    public bool IsRepository() => TryRun(out _, "rev-parse", "--git-dir");

    public bool IsShallow() => TryRun(out var output, "rev-parse", "--is-shallow-repository") && output == "true";

    /// <summary>Uncommitted changes, including new files git does not ignore: they are compiled into the build too.</summary>
    public bool IsDirty() => TryRun(out var output, "status", "--porcelain", "--untracked-files=normal") && output.Length > 0;

    public string? HeadSha() => TryRun(out var output, "rev-parse", "HEAD") ? output : null;

    public int CommitCount(string revisionRange) =>
        TryRun(out var output, "rev-list", "--count", revisionRange) && int.TryParse(output, System.Globalization.CultureInfo.InvariantCulture, out var count) ? count : 0;

    /// <summary>The nearest tag matching <paramref name="pattern"/> reachable from HEAD, as "tag-height-gsha", or null.</summary>
    public string? Describe(string pattern) =>
        TryRun(out var output, "describe", "--tags", "--long", "--abbrev=40", "--match", pattern, "HEAD") ? output : null;

    /// <summary>The nearest tag matching <paramref name="pattern"/> reachable from HEAD, or null.</summary>
    public string? NearestTag(string pattern) =>
        TryRun(out var output, "describe", "--tags", "--abbrev=0", "--match", pattern, "HEAD") ? output : null;

    public IReadOnlyList<string> TagsPointingAt(string commit, string pattern) =>
        TryRun(out var output, "tag", "--points-at", commit, "--list", pattern)
            ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    /// <summary>The files git tracks at or below <paramref name="path"/> (relative to the working tree, taken literally).</summary>
    public IReadOnlyList<string> TrackedFiles(string path) =>
        TryRun(out var output, "--literal-pathspecs", "ls-files", "-z", "--", path)
            ? output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            : [];

    /// <summary>The files at or below <paramref name="paths"/> that git tracks or would track (untracked, not ignored); null when git fails.</summary>
    public IReadOnlyList<string>? SourceFiles(IEnumerable<string> paths) =>
        TryRun(out var output, ["--literal-pathspecs", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", .. paths])
            ? output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList()
            : null;

    /// <summary>The current branch's name, or null on a detached HEAD.</summary>
    public string? CurrentBranch() => TryRun(out var output, "symbolic-ref", "--quiet", "--short", "HEAD") && output.Length > 0 ? output : null;

    public IReadOnlyList<string> Remotes() =>
        TryRun(out var output, "remote") ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    /// <summary>The commit <paramref name="revision"/> names, or null when it names none.</summary>
    public string? Resolve(string revision) => TryRun(out var output, "rev-parse", "--verify", "--quiet", revision + "^{commit}") ? output : null;

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="descendant"/> or one of its ancestors.</summary>
    public bool IsAncestor(string ancestor, string descendant) => TryRun(out _, "merge-base", "--is-ancestor", ancestor, descendant);

    /// <summary>The tags matching <paramref name="pattern"/> in this repository.</summary>
    public IReadOnlyList<string> Tags(string pattern) =>
        TryRun(out var output, "tag", "--list", pattern) ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    /// <summary>Fetches branches and tags from <paramref name="remote"/>; null on success, else git's error.</summary>
    public string? Fetch(string remote) => TryRun(out _, out var error, "fetch", "--quiet", "--tags", remote) ? null : error;

    /// <summary>The tags on <paramref name="remote"/> (names without refs/tags/ and ^{}), or null with git's error when it cannot be asked.</summary>
    public IReadOnlyList<string>? RemoteTags(string remote, out string error)
    {
        if (!TryRun(out var output, out error, "ls-remote", "--tags", remote))
        {
            return null;
        }

        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t').Last())
            .Select(reference => reference.StartsWith("refs/tags/", StringComparison.Ordinal) ? reference["refs/tags/".Length..] : reference)
            .Select(tag => tag.EndsWith("^{}", StringComparison.Ordinal) ? tag[..^3] : tag)
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The commits of <paramref name="revisionRange"/>, newest first: full sha, subject and body.</summary>
    public IReadOnlyList<GitCommit> Log(string revisionRange)
    {
        if (!TryRun(out var output, "log", "--format=%H%x1f%s%x1f%b%x1e", revisionRange))
        {
            return [];
        }

        return [.. output.Split('\x1e', StringSplitOptions.RemoveEmptyEntries)
            .Select(record => record.Trim('\n', '\r', ' ').Split('\x1f'))
            .Where(fields => fields.Length >= 2)
            .Select(fields => new GitCommit(fields[0], fields[1], fields.Length > 2 ? fields[2].Trim() : ""))];
    }

    /// <summary>Creates the annotated tag <paramref name="tag"/> on HEAD with <paramref name="message"/>; null on success, else git's error.</summary>
    public string? CreateAnnotatedTag(string tag, string message) =>
        TryRun(out _, out var error, "-c", "tag.gpgsign=false", "tag", "--annotate", "--cleanup=verbatim", "--message", message, tag, "HEAD") ? null : error;

    /// <summary>Pushes the tag <paramref name="tag"/> (only that ref) to <paramref name="remote"/>; null on success, else git's error.</summary>
    public string? PushTag(string remote, string tag) =>
        TryRun(out _, out var error, "push", "--quiet", remote, $"refs/tags/{tag}:refs/tags/{tag}") ? null : error;

    private bool TryRun(out string output, params string[] arguments) => TryRun(out output, out _, arguments);

    private bool TryRun(out string output, out string error, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            error = process.StandardError.ReadToEnd().Trim().ReplaceLineEndings(" ");
            process.WaitForExit();
            output = stdout.Result.Trim();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed: every question answers "unknown".
            output = "";
            error = "git is not installed";
            return false;
        }
    }
}
