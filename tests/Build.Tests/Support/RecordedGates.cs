using System.Text.Json;
using Build.Core;
using Build.Core.Gates;

namespace Build.Tests.Support;

/// <summary>
/// What a gates job leaves for a later --exclusive Push or Deploy: the build's temporary root becomes a git repository
/// with one commit (artifacts/ and .build/ ignored, as in the real repository) and every gate is recorded as passed for it.
/// </summary>
public static class RecordedGates
{
    /// <summary>Commits the root (once) and records every gate as passed for that commit; returns the commit.</summary>
    public static string RecordAllPassed(BuildProcess build, string imageId, string configuration = "Release")
    {
        ArgumentNullException.ThrowIfNull(build);
        var commit = CommitRoot(build);
        foreach (var gate in GateEvidence.All)
        {
            Write(build, new GateRecord(gate, commit, false, configuration, "0.0.0-alpha.0.1", DateTimeOffset.UtcNow, gate == ReleaseGate.ImageScan ? imageId : null));
        }

        return commit;
    }

    public static void Write(BuildProcess build, GateRecord record)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(record);
        var folder = build.Path("artifacts", "gates");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{record.Gate}.json"), JsonSerializer.Serialize(record, JsonDefaults.Indented));
    }

    /// <summary>Makes the root a repository with one commit of everything but the build's outputs; returns HEAD.</summary>
    public static string CommitRoot(BuildProcess build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (!Directory.Exists(build.Path(".git")))
        {
            File.WriteAllText(build.Path(".gitignore"), "artifacts/\n.build/\n");
            TempGitRepository.Run(build.Root, "init", "--quiet", "--initial-branch=main");
            TempGitRepository.Run(build.Root, "add", "-A");
            TempGitRepository.Run(build.Root, "-c", "user.email=tests@example.invalid", "-c", "user.name=Build Tests", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "gates fixture");
        }

        return TempGitRepository.Run(build.Root, "rev-parse", "HEAD");
    }
}
