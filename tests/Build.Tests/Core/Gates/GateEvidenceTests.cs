using Build.Core.Gates;
using Build.Parameters;
using Build.Stages.Image;
using Build.Tests.Stages.Image;
using Build.Tests.Support;
using Cake.Core.IO;

namespace Build.Tests.Core.Gates;

/// <summary>
/// <c>--target Push --exclusive</c> (a later CI job, or a developer re-pushing) pushes only what the gates vouched for:
/// every gate passed for this clean commit and configuration, and the scan was of this very image. The refusal comes
/// before the engine or the registry is even asked (the registry here is a closed port: the push itself always fails).
/// </summary>
public sealed class GateEvidenceTests : IDisposable
{
    private const string ImageId = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private readonly BuildProcess _build = new();
    private readonly string _closedRegistry = $"127.0.0.1:{DockerEngineFixture.FreePort()}";

    public GateEvidenceTests()
    {
        Directory.CreateDirectory(_build.Path("artifacts", "image"));
        var image = new ImageBuildResult(ImageId, "app", ["1.0.0"], 0, "base", ImageBuildModes.Prebuilt, ImageBuilders.Legacy, [], new Dictionary<string, string>());
        ImageRecordFile.Write(new FilePath(_build.Path("artifacts", "image", "image.json")), image);
    }

    public void Dispose() => _build.Dispose();

    [Fact]
    public void Without_any_recorded_gate_the_push_is_refused_naming_every_gate_before_the_registry_is_asked()
    {
        RecordedGates.CommitRoot(_build);

        var run = Push();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Push to local refused: not every gate passed for commit", run.All, StringComparison.Ordinal);
        foreach (var gate in GateEvidence.All)
        {
            Assert.Contains($"{gate}: did not pass in this run and no earlier run recorded a pass", run.All, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("No registry answers", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("docker engine", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Recorded_passes_of_this_clean_commit_let_the_push_go_on_and_the_log_says_they_were_recorded()
    {
        var commit = RecordedGates.RecordAllPassed(_build, ImageId);

        var run = Push();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Gates for commit {commit[..12]} (Release): Lint, Test, Coverage, Accessibility, ImageScan recorded green by an earlier run of this commit", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("refused: not every gate passed", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_recorded_for_another_commit_do_not_count()
    {
        RecordedGates.RecordAllPassed(_build, ImageId);
        File.WriteAllText(_build.Path("App.sln"), "changed\n");
        TempGitRepository.Run(_build.Root, "-c", "user.email=t@example.invalid", "-c", "user.name=T", "commit", "--quiet", "-am", "next");

        var run = Push();

        Assert.Equal(1, run.ExitCode);
        Assert.Matches("Lint: the recorded pass is for commit [0-9a-f]{12}, not [0-9a-f]{12}", run.All);
    }

    [Fact]
    public void With_uncommitted_changes_recorded_passes_do_not_count()
    {
        RecordedGates.RecordAllPassed(_build, ImageId);
        File.WriteAllText(_build.Path("App.sln"), "uncommitted\n");

        var run = Push();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Test: a recorded pass counts for a clean tree only, and this tree has uncommitted changes", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scan_recorded_for_another_image_or_passes_for_another_configuration_do_not_count()
    {
        RecordedGates.RecordAllPassed(_build, "sha256:" + new string('2', 64), configuration: "Debug");

        var run = Push();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Coverage: the recorded pass is for configuration Debug, not Release", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("ImageScan: the recorded scan", run.All, StringComparison.Ordinal);

        RecordedGates.RecordAllPassed(_build, "sha256:" + new string('2', 64));
        var rescan = Push();

        Assert.Equal(1, rescan.ExitCode);
        Assert.Contains("ImageScan: the recorded scan is of image 222222222222, not 111111111111", rescan.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Lint:", rescan.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_a_git_repository_no_recorded_pass_vouches_for_anything()
    {
        foreach (var gate in GateEvidence.All)
        {
            RecordedGates.Write(_build, new GateRecord(gate, "unknown", false, "Release", "0.0.0-alpha.0", DateTimeOffset.UtcNow, ImageId));
        }

        var run = Push();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Lint: no git commit identifies this tree, so no recorded pass can vouch for it", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gate_forgets_its_earlier_pass_as_soon_as_it_starts_so_a_failing_gate_cannot_be_vouched_for()
    {
        RecordedGates.RecordAllPassed(_build, ImageId);

        var run = _build.Run("--target", "Coverage", "--exclusive");

        Assert.Equal(1, run.ExitCode);
        Assert.False(File.Exists(_build.Path("artifacts", "gates", "Coverage.json")), "a failed Coverage left its earlier pass behind");
        Assert.True(File.Exists(_build.Path("artifacts", "gates", "Lint.json")), "the other gates' records were carried over by the run");
    }

    [Theory]
    [InlineData("--tests", "unit", "runs part of the test suite, and a push is gated on all of it")]
    [InlineData("--a11y-url", "http://127.0.0.1:9/", "scans another service, and a push is gated on the scan of the service this run builds")]
    public void Settings_that_weaken_a_gate_are_refused_for_a_push_before_anything_runs(string name, string value, string expected)
    {
        var run = _build.Run("--target", "Push", name, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Restore", run.Output, StringComparison.Ordinal);
    }

    private BuildProcessRun Push() => _build.Run("--target", "Push", "--exclusive", "--registry", _closedRegistry);
}
