using Build.Tests.EndToEnd;
using Build.Tests.Support;

namespace Build.Tests.Core.Checkout;

/// <summary>Through the real build app: a run's artifacts hold what it produced; earlier outputs are moved to .build/previous/.</summary>
public sealed class ArtifactsRotationTests : IDisposable
{
    private readonly BuildProcess _build = new();

    public ArtifactsRotationTests() => CheckoutRepository.Init(_build);

    private string Previous => _build.Path(".build", "previous", "artifacts");

    public void Dispose() => _build.Dispose();

    [Fact]
    public void A_run_moves_what_an_earlier_run_wrote_aside_so_artifacts_holds_only_its_own_outputs()
    {
        var version = _build.Run("--target", "Version");
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.True(File.Exists(Path.Combine(_build.Artifacts, "version.json")), version.ToString());
        Write("terraform/dev/plan.json", "{\"from\": \"an earlier Plan\"}");

        var restore = _build.Run("--target", "Restore");

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Contains("Moved what an earlier run left in artifacts (4 file(s)) to .build/previous/artifacts.", restore.OutputLines);
        Assert.Equal(["build-report.json", "summary.md"], Files(_build.Artifacts));
        Assert.Equal(["build-report.json", "summary.md", "terraform/dev/plan.json", "version.json"], Files(Previous));
        Assert.Equal("Restore", BuildReportJson.Read(_build.Artifacts).Target);
    }

    [Fact]
    public void Only_the_run_just_before_is_kept_aside()
    {
        Write("from-two-runs-ago.txt", "old");
        Assert.Equal(0, _build.Run("--target", "Version").ExitCode);

        var run = _build.Run("--target", "Version");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["build-report.json", "summary.md", "version.json"], Files(Previous));
    }

    [Fact]
    public void Records_later_runs_read_are_carried_over_and_named_in_the_summary()
    {
        Write("image/image.json", "{\"id\": \"sha256:1\"}");
        Write("image/pushed-local.json", "{\"reference\": \"app@sha256:1\"}");
        Write("deploy/local.json", "{\"image\": \"app@sha256:1\"}");
        Write("terraform/dev/errored.tfstate", "{\"serial\": 8}");
        Write("image/image-scan.md", "an earlier scan");
        Write("terraform/dev/outputs.json", "{}");

        var run = _build.Run("--target", "Version");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("carried over deploy/local.json, image/image.json, image/pushed-local.json, terraform/dev/errored.tfstate.", run.Output, StringComparison.Ordinal);
        Assert.Equal(["build-report.json", "deploy/local.json", "image/image.json", "image/pushed-local.json", "summary.md", "terraform/dev/errored.tfstate", "version.json"], Files(_build.Artifacts));
        Assert.Equal("{\"reference\": \"app@sha256:1\"}", File.ReadAllText(Path.Combine(_build.Artifacts, "image", "pushed-local.json")));
        Assert.True(File.Exists(Path.Combine(Previous, "image", "image-scan.md")));
        Assert.True(File.Exists(Path.Combine(Previous, "terraform", "dev", "outputs.json")));
        Assert.Contains("`image/pushed-local.json`", File.ReadAllText(Path.Combine(_build.Artifacts, "summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_artifacts_adds_to_what_the_earlier_steps_of_a_job_wrote_and_says_so()
    {
        Assert.Equal(0, _build.Run("--target", "Version").ExitCode);
        Write("lint/format.json", "[]");

        var run = _build.Run("--target", "Restore", "--keep-artifacts");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Keeping what earlier runs left in artifacts (--keep-artifacts): this run adds to it.", run.OutputLines);
        Assert.Equal(["build-report.json", "lint/format.json", "summary.md", "version.json"], Files(_build.Artifacts));
        Assert.False(Directory.Exists(Previous));
    }

    [Fact]
    public void A_dry_run_moves_nothing_and_writes_no_report()
    {
        Write("version.json", "{\"from\": \"an earlier run\"}");

        var run = _build.Run("--target", "Version", "--dryrun");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["version.json"], Files(_build.Artifacts));
        Assert.False(Directory.Exists(Previous));
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private void Write(string relative, string text)
    {
        var file = Path.Combine(_build.Artifacts, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }
}
