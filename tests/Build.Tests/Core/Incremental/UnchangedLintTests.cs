using Build.Tests.EndToEnd;
using Build.Tests.Stages.Lint;
using Build.Tests.Support;

namespace Build.Tests.Core.Incremental;

/// <summary>
/// Skipping an unchanged stage, through the real build app in a fixture repository: a rerun with nothing changed skips
/// Lint with "unchanged since", brings its reports back and counts its gate; a changed file, --no-cache, or a CI run
/// (unless --cache on) runs it again.
/// </summary>
public sealed class UnchangedLintTests : IDisposable
{
    private readonly BuildProcess _build = new();

    public UnchangedLintTests() => LintCheckout.Prepare(_build);

    public void Dispose() => _build.Dispose();

    [Fact]
    [Integration("shellcheck")]
    public void A_rerun_with_nothing_changed_skips_Lint_with_the_reason_and_any_change_or_no_cache_runs_it()
    {
        var first = Lint();
        Assert.Equal("Succeeded", Status(first));

        var second = Lint();
        Assert.Equal("Skipped", Status(second));
        var reason = BuildReportJson.Read(_build.Path("artifacts")).Task("Lint").GetProperty("skipReason").GetString();
        Assert.Matches(@"^unchanged since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(--no-cache runs it\)$", reason);
        Assert.Contains("unchanged since", second.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_build.Path("artifacts", "lint", "secrets.sarif")), "Lint's reports were not brought back.");
        Assert.True(File.Exists(_build.Path("artifacts", "gates", "Lint.json")), "A skipped Lint did not count as a passed gate.");

        File.AppendAllText(_build.Path("docs", "guide.md"), "A line more.\n");
        Assert.Equal("Succeeded", Status(Lint()));
        Assert.Equal("Skipped", Status(Lint()));

        Assert.Equal("Succeeded", Status(Lint("--no-cache")));
        Assert.Equal("Succeeded", Status(Lint("--force")));

        _build.Environment["CI"] = "true";
        Assert.Equal("Succeeded", Status(Lint()));
        Assert.Equal("Skipped", Status(Lint("--cache", "on")));
    }

    [Fact]
    [Integration("shellcheck")]
    public void A_new_untracked_source_file_counts_and_an_ignored_one_does_not()
    {
        Assert.Equal("Succeeded", Status(Lint()));
        Directory.CreateDirectory(_build.Path("out"));
        File.WriteAllText(_build.Path("out", "scratch.txt"), "ignored by .gitignore\n");
        Assert.Equal("Skipped", Status(Lint()));

        File.WriteAllText(_build.Path("src", "Extra.cs"), "// a new file\n");
        Assert.Equal("Succeeded", Status(Lint()));
    }

    [Fact]
    [Integration("shellcheck")]
    public void Contradictory_cache_switches_are_a_usage_error_before_anything_runs()
    {
        var run = _build.Run("--target", "Lint", "--exclusive", "--no-cache", "--cache", "on");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--no-cache and --cache on contradict each other", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.False(Directory.Exists(_build.Path("artifacts", "lint")));
    }

    private BuildProcessRun Lint(params string[] extra)
    {
        var run = _build.Run(["--target", "Lint", "--exclusive", .. extra]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    // The run's own report: each call reads the build-report.json that run wrote.
    private string Status(BuildProcessRun run)
    {
        Assert.Equal(0, run.ExitCode);
        return BuildReportJson.Read(_build.Path("artifacts")).Tasks.Single(task => task.Name == "Lint").Status;
    }
}
