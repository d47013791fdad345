using Build.Core.Processes;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Stages.Lint.Secrets;

/// <summary>Runs git with <paramref name="arguments"/> in the repository and returns its exit code and output lines.</summary>
public delegate (int ExitCode, IReadOnlyList<string> Output) GitCommand(params string[] arguments);

/// <summary>
/// What the secret scan reads, from git: the tracked files of the working tree (as they are on disk, uncommitted
/// changes included) and the lines the commits since the last release tag added (<c>git log -p</c>).
/// </summary>
public static class SecretSources
{
    /// <summary>Tracked files larger than this are not scanned (1 MiB: data, not code people write).</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>A file with a NUL byte in its first 8000 bytes is binary (git's own test) and not scanned.</summary>
    public const int BinaryProbeBytes = 8000;

    public static bool IsGitRepository(GitCommand git)
    {
        var (exitCode, output) = git("rev-parse", "--is-inside-work-tree");
        return exitCode == 0 && output.Count > 0 && output[0] == "true";
    }

    public static IReadOnlyList<string> TrackedFiles(GitCommand git)
    {
        var (exitCode, output) = git("ls-files", "-z", "--cached");
        return exitCode != 0
            ? throw new CakeException($"git ls-files failed (exit {exitCode}): {string.Join(" ", output.Take(3))}")
            : [.. string.Join('\n', output).Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(path => path.Trim('\n')).Where(path => path.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The text of a tracked file, or why it is skipped (deleted, a submodule, a symbolic link, too large, binary).</summary>
    public static (string? Text, string? Skipped) Read(string fullPath)
    {
        if (Directory.Exists(fullPath))
        {
            return (null, "a submodule");
        }

        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            return (null, "deleted");
        }

        if (info.LinkTarget is not null)
        {
            return (null, "a symbolic link");
        }

        if (info.Length > MaxFileBytes)
        {
            return (null, "larger than 1 MiB");
        }

        var bytes = File.ReadAllBytes(fullPath);
        return Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, BinaryProbeBytes)) >= 0
            ? (null, "binary")
            : (System.Text.Encoding.UTF8.GetString(bytes), null);
    }

    /// <summary>The newest <c>v*</c> tag HEAD descends from, or null when there is none.</summary>
    public static string? LastReleaseTag(GitCommand git)
    {
        var (exitCode, output) = git("describe", "--tags", "--abbrev=0", "--match", "v[0-9]*", "HEAD");
        return exitCode == 0 && output.Count > 0 && output[0].Length > 0 ? output[0] : null;
    }

    public static bool IsShallow(GitCommand git)
    {
        var (exitCode, output) = git("rev-parse", "--is-shallow-repository");
        return exitCode == 0 && output.Count > 0 && output[0] == "true";
    }

    public static bool HasCommits(GitCommand git) => git("rev-parse", "--verify", "--quiet", "HEAD").ExitCode == 0;

    /// <summary>The patch of every commit in <paramref name="range"/> (<c>tag..HEAD</c>, or <c>HEAD</c> for all), added lines without context.</summary>
    public static IReadOnlyList<string> History(GitCommand git, string range)
    {
        var (exitCode, output) = git("-c", "core.quotePath=false", "log", "-p", "--cc", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "--format=commit:%H", range, "--");
        return exitCode != 0 ? throw new CakeException($"git log {range} failed (exit {exitCode}): {string.Join(" ", output.TakeLast(3))}") : output;
    }

    /// <summary>git through Cake's process runner, in <paramref name="root"/>.</summary>
    public static GitCommand Git(ICakeContext context, DirectoryPath root) => arguments =>
    {
        var builder = new ProcessArgumentBuilder();
        foreach (var argument in arguments)
        {
            builder.AppendQuoted(argument);
        }

        return ProcessCapture.Run(context, "git", builder, root);
    };
}
