using System.Diagnostics;
using Build.Stages.Lint.Secrets;
using Build.Tests.Stages.Accessibility;

namespace Build.Tests.Stages.Lint.Secrets;

/// <summary>
/// The scan Lint runs, over this repository (tracked files and the commits since the last v* tag) with its
/// build/secrets/ignore.json: no finding, and no ignore entry that has expired.
/// </summary>
public sealed class RepositorySecretScanTests
{
    [Fact]
    public void This_repository_has_no_finding()
    {
        var ignore = SecretIgnoreFile.Load(Path.Combine(Repository.Root, "build", "secrets", "ignore.json"), "build/secrets/ignore.json");

        var result = SecretScan.Run(Git(Repository.Root), Repository.Root, ignore, DateOnly.FromDateTime(DateTime.UtcNow));

        Assert.True(result.Findings.Count == 0, $"{result.Scope}\n{string.Join('\n', result.Findings.Select(finding => $"{finding} {finding.Describe()}"))}");
        Assert.Empty(result.Expired);
    }

    [Fact]
    public void Run_scans_tracked_files_and_skips_binary_and_large_ones_and_links()
    {
        using var repository = new Support.TempGitRepository();
        var key = FakeSecrets.AwsAccessKeyId();
        File.WriteAllText(Path.Combine(repository.Path, "a.txt"), $"key {key}\n");
        File.WriteAllBytes(Path.Combine(repository.Path, "b.bin"), [.. System.Text.Encoding.ASCII.GetBytes($"key {key}"), 0, 1, 2]);
        File.WriteAllText(Path.Combine(repository.Path, "c.txt"), new string('#', (int)SecretSources.MaxFileBytes) + $"\nkey {key}\n");
        File.CreateSymbolicLink(Path.Combine(repository.Path, "d.txt"), "a.txt");
        File.WriteAllText(Path.Combine(repository.Path, "untracked.txt"), $"key {key}\n");
        repository.Git("add", "a.txt", "b.bin", "c.txt", "d.txt");
        repository.Git("commit", "--quiet", "-m", "files");

        var result = SecretScan.Run(Git(repository.Path), repository.Path, [], new DateOnly(2026, 11, 30));

        Assert.Equal(["a.txt:1 aws-access-key-id"], result.Findings.Select(finding => finding.ToString()));
        Assert.StartsWith("4 tracked files; 3 skipped: b.bin (binary), c.txt (larger than 1 MiB), d.txt (a symbolic link); 1 commit(s): all history (no v* tag)", result.Scope, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_finds_a_key_a_merge_added_in_its_conflict_resolution_under_the_merge_and_a_branch_key_under_its_commit()
    {
        using var repository = new Support.TempGitRepository();
        var key = FakeSecrets.AwsAccessKeyId();
        var token = FakeSecrets.GitHubToken();
        Write(repository, "a.txt", "base\n");
        repository.Git("add", "--all");
        repository.Git("commit", "--quiet", "-m", "base");
        repository.Git("checkout", "--quiet", "-b", "side");
        Write(repository, "a.txt", "side\n");
        Write(repository, "b.txt", $"one\ntoken {token}\n");
        repository.Git("add", "--all");
        repository.Git("commit", "--quiet", "-m", "side");
        var side = repository.Git("rev-parse", "HEAD");
        repository.Git("checkout", "--quiet", "main");
        Write(repository, "a.txt", "main\n");
        repository.Git("commit", "--quiet", "-am", "main");
        Assert.Throws<InvalidOperationException>(() => repository.Git("merge", "--quiet", "--no-edit", "side"));
        Write(repository, "a.txt", $"main\nside\nkey {key}\n");
        repository.Git("add", "--all");
        repository.Git("commit", "--quiet", "--no-edit");
        var merge = repository.Git("rev-parse", "HEAD");
        Write(repository, "a.txt", "main\nside\n");
        File.Delete(Path.Combine(repository.Path, "b.txt"));
        repository.Git("commit", "--quiet", "-am", "remove both");

        var result = SecretScan.Run(Git(repository.Path), repository.Path, [], new DateOnly(2026, 11, 30));

        Assert.Equal(
            [$"{merge[..12]}:a.txt:3 aws-access-key-id", $"{side[..12]}:b.txt:2 github-token"],
            result.Findings.Select(finding => finding.ToString()));
    }

    [Fact]
    public void Run_says_when_the_clone_is_shallow()
    {
        using var repository = new Support.TempGitRepository();
        repository.Commits(3);
        using var clone = repository.ShallowClone(1);

        var result = SecretScan.Run(Git(clone.Path), clone.Path, [], new DateOnly(2026, 11, 30));

        Assert.Contains("1 commit(s): all history (no v* tag) (a shallow clone: only the commits it holds; git fetch --unshallow scans them all)", result.Scope, StringComparison.Ordinal);
    }

    private static void Write(Support.TempGitRepository repository, string file, string text) => File.WriteAllText(Path.Combine(repository.Path, file), text);

    public static GitCommand Git(string directory) => arguments =>
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, [.. output.Split('\n').Select(line => line.TrimEnd('\r')), .. error.GetAwaiter().GetResult().Split('\n', StringSplitOptions.RemoveEmptyEntries)]);
    };
}
