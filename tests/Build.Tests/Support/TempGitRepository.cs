using System.Diagnostics;

namespace Build.Tests.Support;

/// <summary>A real git repository in a temporary folder, deleted on dispose.</summary>
public sealed class TempGitRepository : IDisposable
{
    private int _commits;

    public TempGitRepository()
    {
        Path = Directory.CreateTempSubdirectory("build-tests-git-").FullName;
        Git("init", "--quiet", "--initial-branch=main");
        Git("config", "user.email", "tests@example.invalid");
        Git("config", "user.name", "Build Tests");
        Git("config", "commit.gpgsign", "false");
        Git("config", "tag.gpgsign", "false");
    }

    public string Path { get; }

    public string Commit()
    {
        _commits++;
        File.WriteAllText(System.IO.Path.Combine(Path, "file.txt"), $"change {_commits}\n");
        Git("add", "file.txt");
        Git("commit", "--quiet", "-m", $"change {_commits}");
        return Git("rev-parse", "HEAD");
    }

    public void Commits(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Commit();
        }
    }

    public void Tag(string name, bool annotated = false)
    {
        if (annotated)
        {
            Git("tag", "-a", name, "-m", name);
        }
        else
        {
            Git("tag", name);
        }
    }

    public void MakeDirty() => File.AppendAllText(System.IO.Path.Combine(Path, "file.txt"), "uncommitted\n");

    /// <summary>Clones this repository with --depth, the way CI checkouts often do.</summary>
    public TempGitRepository ShallowClone(int depth)
    {
        var clone = new TempGitRepository();
        Directory.Delete(clone.Path, recursive: true);
        Run(System.IO.Path.GetTempPath(), "clone", "--quiet", "--depth", depth.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-single-branch", new Uri(Path).AbsoluteUri, clone.Path);
        return clone;
    }

    public string Git(params string[] arguments) => Run(Path, arguments);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    /// <summary>Runs git in <paramref name="workingDirectory"/> and returns its trimmed output; fails with git's error.</summary>
    public static string Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
    }
}
