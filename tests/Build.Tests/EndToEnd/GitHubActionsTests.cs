using System.Globalization;

namespace Build.Tests.EndToEnd;

public sealed class GitHubActionsTests : IDisposable
{
    private readonly BuildProcess _build = new();

    [Fact]
    public void On_GitHub_Actions_tasks_are_grouped_the_summary_is_published_and_the_secret_is_only_sent_to_add_mask()
    {
        var canary = "canary-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        var runnerFiles = Directory.CreateTempSubdirectory("build-e2e-runner-").FullName;
        try
        {
            var summaryFile = Path.Combine(runnerFiles, "step-summary.md");
            File.WriteAllText(summaryFile, "");
            File.WriteAllText(Path.Combine(runnerFiles, "env"), "");
            File.WriteAllText(Path.Combine(runnerFiles, "output"), "");
            _build.Environment["GITHUB_ACTIONS"] = "true";
            _build.Environment["CI"] = "true";
            _build.Environment["GITHUB_STEP_SUMMARY"] = summaryFile;
            _build.Environment["GITHUB_ENV"] = Path.Combine(runnerFiles, "env");
            _build.Environment["GITHUB_OUTPUT"] = Path.Combine(runnerFiles, "output");
            _build.Environment["GITHUB_TOKEN"] = canary;

            var run = _build.Run("--target", "Version");

            Assert.True(run.ExitCode == 0, run.ToString());
            var summary = File.ReadAllText(summaryFile);
            Assert.Contains("| Version | Succeeded |", summary, StringComparison.Ordinal);
            Assert.Contains("succeeded", summary, StringComparison.Ordinal);
            Assert.DoesNotContain(canary, summary, StringComparison.Ordinal);

            Assert.Contains("::group::Version", run.OutputLines);
            Assert.Contains("::endgroup::", run.OutputLines);
            Assert.True(
                run.IndexOfLine("::group::Version") < run.IndexOfLine("::endgroup::"),
                run.ToString());

            var masks = run.OutputLines.Where(line => line.StartsWith("::add-mask::", StringComparison.Ordinal)).ToList();
            Assert.Contains($"::add-mask::{canary}", masks);
            var elsewhere = run.OutputLines.Where(line => line.Contains(canary, StringComparison.Ordinal) && !line.StartsWith("::add-mask::", StringComparison.Ordinal));
            Assert.Empty(elsewhere);
            Assert.DoesNotContain(canary, run.Error, StringComparison.Ordinal);

            // The mask is sent before the first task starts.
            Assert.True(run.IndexOfLine($"::add-mask::{canary}") < run.IndexOfLine("::group::Version"), run.ToString());

            foreach (var (file, text) in _build.ReadArtifacts())
            {
                Assert.False(text.Contains(canary, StringComparison.Ordinal), $"{file} contains the secret value.");
            }

            Assert.Equal("GitHubActions", BuildReportJson.Read(_build.Artifacts).CiProvider);
        }
        finally
        {
            Directory.Delete(runnerFiles, recursive: true);
        }
    }

    public void Dispose() => _build.Dispose();
}
