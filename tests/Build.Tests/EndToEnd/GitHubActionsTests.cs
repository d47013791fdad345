using System.Globalization;
using Build.Tests.Support;

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
            var summaryFile = UseGitHubActions(runnerFiles);
            _build.Environment["GITHUB_TOKEN"] = canary;

            var run = _build.Run("--target", "Version");

            Assert.True(run.ExitCode == 0, run.ToString());
            var summary = File.ReadAllText(summaryFile);
            Assert.Contains("| Version | Succeeded |", summary, StringComparison.Ordinal);
            Assert.Contains("succeeded", summary, StringComparison.Ordinal);
            Assert.DoesNotContain(canary, summary, StringComparison.Ordinal);

            Assert.Contains("::group::Version", run.OutputLines);
            Assert.Contains("::endgroup::", run.OutputLines.Skip(run.IndexOfLine("::group::Version")));

            var masks = run.OutputLines.Where(line => line.StartsWith("::add-mask::", StringComparison.Ordinal)).ToList();
            Assert.Contains($"::add-mask::{canary}", masks);
            var elsewhere = run.OutputLines.Where(line => line.Contains(canary, StringComparison.Ordinal) && !line.StartsWith("::add-mask::", StringComparison.Ordinal));
            Assert.Empty(elsewhere);
            Assert.DoesNotContain(canary, run.Error, StringComparison.Ordinal);

            // The mask is sent before the first task (Prerequisites) starts.
            Assert.True(run.IndexOfLine($"::add-mask::{canary}") < run.IndexOfLine("::group::Prerequisites"), run.ToString());

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

    [Fact]
    public void Short_secrets_are_sent_to_add_mask_whatever_their_length_and_the_build_never_prints_them()
    {
        var runnerFiles = Directory.CreateTempSubdirectory("build-e2e-runner-").FullName;
        try
        {
            UseGitHubActions(runnerFiles);
            _build.Environment["DB_PASSWORD"] = "Sh0rt7x";
            _build.Environment["GITHUB_TOKEN"] = "abc123";
            _build.Environment["SMTP_PASS"] = "q9";
            _build.Environment["DATABASE_URL"] = "postgres://app:db-Pw@db.example/app";

            var run = _build.Run("--target", "Version", "--verbosity", "diagnostic");

            Assert.True(run.ExitCode == 0, run.ToString());
            var masks = run.OutputLines.Where(line => line.StartsWith("::add-mask::", StringComparison.Ordinal)).ToList();
            foreach (var secret in new[] { "Sh0rt7x", "abc123", "q9", "db-Pw" })
            {
                Assert.Contains($"::add-mask::{secret}", masks);

                // Sent before the first task, so the runner masks it in everything the build and its tools print.
                Assert.True(run.IndexOfLine($"::add-mask::{secret}") < run.IndexOfLine("::group::Prerequisites"), run.ToString());
            }

            // Values of four characters or more are masked by the build itself where they stand as a token; the
            // two-character one only by the runner, and by name in the environment dump.
            var printed = run.OutputLines.Where(line => !line.StartsWith("::add-mask::", StringComparison.Ordinal)).ToList();
            foreach (var secret in new[] { "Sh0rt7x", "abc123", "db-Pw" })
            {
                Assert.DoesNotContain(printed, line => line.Contains(secret, StringComparison.Ordinal));
            }

            Assert.Contains("env SMTP_PASS=***", printed);
            Assert.Contains("env DATABASE_URL=postgres://***@db.example/app", printed);
            foreach (var (file, text) in _build.ReadArtifacts())
            {
                Assert.False(text.Contains("Sh0rt7x", StringComparison.Ordinal) || text.Contains("abc123", StringComparison.Ordinal), $"{file} holds a short secret.");
            }
        }
        finally
        {
            Directory.Delete(runnerFiles, recursive: true);
        }
    }

    public void Dispose() => _build.Dispose();

    // What the runner provides: the variables that select the adapter and the files its commands write to.
    private string UseGitHubActions(string runnerFiles)
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
        return summaryFile;
    }
}
