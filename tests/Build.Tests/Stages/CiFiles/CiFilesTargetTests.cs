using Build.Stages.CiFiles;
using Build.Tests.Core.Checkout;
using Build.Tests.Stages.Accessibility;
using Build.Tests.Support;

namespace Build.Tests.Stages.CiFiles;

/// <summary>The CiFiles target writes what the model renders, and Lint fails in one line per CI file that differs from it.</summary>
public sealed class CiFilesTargetTests : IDisposable
{
    private readonly BuildProcess _build = new();

    public CiFilesTargetTests()
    {
        // The scripts Lint's shellcheck reads, as the repository has them.
        File.Copy(Path.Combine(Repository.Root, "build.sh"), _build.Path("build.sh"));
        Directory.CreateDirectory(_build.Path(".ci"));
        File.Copy(Path.Combine(Repository.Root, ".ci", "run"), _build.Path(".ci", "run"));
        CheckoutRepository.Init(_build);
    }

    public void Dispose() => _build.Dispose();

    [Fact]
    public void CiFiles_writes_both_files_as_the_model_renders_them_and_leaves_them_alone_when_they_are()
    {
        var first = _build.Run("--target", "CiFiles");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("CiFiles: wrote .github/workflows/build.yml", first.OutputLines);
        Assert.Contains("CiFiles: wrote Jenkinsfile", first.OutputLines);
        foreach (var file in CiFileSet.Render(ShippedPipeline.Pipeline))
        {
            Assert.Equal(file.Text, File.ReadAllText(_build.Path(file.Path)));
        }

        File.AppendAllText(_build.Path("Jenkinsfile"), "// a hand edit\n");
        var second = _build.Run("--target", "CiFiles");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("CiFiles: .github/workflows/build.yml is up to date", second.OutputLines);
        Assert.Contains("CiFiles: wrote Jenkinsfile", second.OutputLines);
        Assert.Empty(CiFileSet.Stale(_build.Root, ShippedPipeline.Pipeline));
    }

    [Fact]
    [Integration("shellcheck")]
    public void Lint_fails_in_one_line_naming_the_file_and_the_command_when_a_CI_file_differs_from_the_model()
    {
        Assert.True(_build.Run("--target", "CiFiles").ExitCode == 0);
        var clean = _build.Run("--target", "Lint", "--exclusive");
        Assert.True(clean.ExitCode == 0, clean.ToString());

        var jenkinsfile = _build.Path("Jenkinsfile");
        var lines = File.ReadAllLines(jenkinsfile);
        var edited = Array.FindIndex(lines, line => line.Contains("sh './build.sh --target ImageScan'", StringComparison.Ordinal));
        Assert.True(edited >= 0, "the Jenkinsfile runs no ImageScan");
        lines[edited] = lines[edited].Replace("ImageScan", "Image", StringComparison.Ordinal);
        File.WriteAllText(jenkinsfile, string.Join('\n', lines) + "\n");

        var stale = _build.Run("--target", "Lint", "--exclusive");

        Assert.True(stale.ExitCode == 1, stale.ToString());
        var finding = Assert.Single(stale.All.Split('\n'), line => line.Contains("CIFILES", StringComparison.Ordinal));
        Assert.Equal($"Jenkinsfile:{edited + 1}:1: CIFILES differs from what the pipeline model renders (from line {edited + 1} on); regenerate it: ./build.sh --target CiFiles (ci files)", finding);
        Assert.Equal("Error: Lint found 1 problem(s) (ci files: 1); each is listed above as file:line.", stale.ErrorLines[^1]);

        File.WriteAllText(_build.Path(".ci", "run"), File.ReadAllText(_build.Path(".ci", "run")).Replace("--target Test", "--target Test --tests unit", StringComparison.Ordinal));
        Assert.True(_build.Run("--target", "CiFiles").ExitCode == 0);

        var script = _build.Run("--target", "Lint", "--exclusive");

        Assert.True(script.ExitCode == 1, script.ToString());
        Assert.Equal(
            ".ci/run:1:1: CIFILES does not run the pipeline's test command './build.sh --target Test' on a line of its own (the README's test command; CiPipeline.TestCommand) (ci files)",
            Assert.Single(script.All.Split('\n'), line => line.Contains("CIFILES", StringComparison.Ordinal)));
    }
}
