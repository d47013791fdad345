using System.Diagnostics;

namespace Build.Tools.Git;

/// <summary>Read-only questions to the git CLI about one working tree.</summary>
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

    public IReadOnlyList<string> TagsPointingAt(string commit, string pattern) =>
        TryRun(out var output, "tag", "--points-at", commit, "--list", pattern)
            ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    /// <summary>The files git tracks at or below <paramref name="path"/> (relative to the working tree, taken literally).</summary>
    public IReadOnlyList<string> TrackedFiles(string path) =>
        TryRun(out var output, "--literal-pathspecs", "ls-files", "-z", "--", path)
            ? output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            : [];

    private bool TryRun(out string output, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEnd();
            process.WaitForExit();
            output = stdout.Result.Trim();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed: every question answers "unknown".
            output = "";
            return false;
        }
    }
}
