using Build.Tests.Support;

namespace Build.Tests.EndToEnd;

/// <summary>
/// The Test target through the real build app on a project with a slow test: per project, counts so far every ~10 s
/// and a closing line with the time, no line per passed test, the slowest tests at the end and in summary.md.
/// </summary>
public sealed class TestProgressTests : IDisposable
{
    // Restore, build and test of the fixture project; generous for a loaded 2-core machine.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    // The fixture project's tests: one slow, one short, a theory and one skipped test (what the "skipped" count shows).
    // It is a .cs.txt file so that it is copied next to the tests, never compiled or run as one of this suite's tests.
    private static readonly string Tests = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "test-progress", "ClockTests.cs.txt"));

    private readonly BuildProcess _build = new();

    [Fact]
    public void Test_prints_counts_while_it_runs_a_closing_line_per_project_and_the_slowest_tests()
    {
        LeakyTestProject.WriteProject(_build.Root, "Progress", "ClockTests.cs", Tests);

        var run = _build.Run(Timeout, "--target", "Test", "--tests", "unit");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.OutputLines.Select(line => line.TrimEnd('\r')).ToList();
        Assert.Contains(lines, line => line.StartsWith("Tests: Progress: ", StringComparison.Ordinal) && line.Contains(" so far (", StringComparison.Ordinal));
        Assert.Single(lines, line => line.StartsWith("Tests: Progress: 4 passed, 0 failed, 1 skipped in ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("  Passed ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("[xUnit.net ", StringComparison.Ordinal));

        var slowest = lines.IndexOf("Slowest tests:");
        Assert.True(slowest > 0, run.ToString());
        Assert.Matches(@"^  1\d\.\ds  Sample\.Progress\.ClockTests\.Waits_a_while$", lines[slowest + 1]);
        Assert.EndsWith("  Sample.Progress.ClockTests.Waits_a_little", lines[slowest + 2], StringComparison.Ordinal);
        Assert.Equal(4, lines.Skip(slowest + 1).TakeWhile(line => line.StartsWith("  ", StringComparison.Ordinal)).Count());
        Assert.Contains("Tests: 4 passed, 0 failed, 1 skipped", lines);

        var summary = File.ReadAllText(Path.Combine(_build.Artifacts, "summary.md"));
        Assert.Contains("#### Slowest tests\n\n| Test | Duration |\n| ---- | -------: |\n| `Sample.Progress.ClockTests.Waits_a_while` | 1", summary, StringComparison.Ordinal);
    }

    public void Dispose() => _build.Dispose();
}
