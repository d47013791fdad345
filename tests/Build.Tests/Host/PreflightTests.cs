using Build.Tests.Support;

namespace Build.Tests.Host;

public sealed class PreflightTests
{
    private readonly HostFixture _host = new();

    [Fact]
    public void The_preflight_gets_the_tasks_in_the_order_they_then_run_before_Setup_and_the_first_task()
    {
        var run = Run("--target", "Third", "--parallel", "1");

        Assert.True(run.ExitCode == 0, run.All);
        var events = _host.Recorder.Events;
        Assert.Equal("Setup", events[1]);
        Assert.Equal("Teardown", events[^1]);
        var ran = events.Skip(2).SkipLast(1).ToList();
        Assert.Equal(4, ran.Count);
        Assert.Equal("Preflight: " + string.Join(", ", ran), events[0]);
    }

    [Fact]
    public void With_exclusive_the_preflight_gets_the_target_only()
    {
        var run = Run("--target", "Third", "--exclusive");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(["Preflight: Third", "Setup", "Third", "Teardown"], _host.Recorder.Events);
    }

    [Fact]
    public void A_failing_preflight_ends_the_run_with_its_line_and_exit_code_before_Setup_any_task_and_Teardown()
    {
        var run = Run("--target", "Second", "--refuse");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("Error: the registry does not answer", run.ErrorLines[^1]);
        Assert.Equal(["Preflight: First, Second"], _host.Recorder.Events);
    }

    [Fact]
    public void A_dry_run_gets_the_preflight_and_executes_nothing()
    {
        var run = Run("--target", "Second", "--dryrun");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal("Preflight: First, Second", _host.Recorder.Events[0]);
        Assert.DoesNotContain("First", _host.Recorder.Events.Skip(1));
    }

    [Theory]
    [InlineData("--dryrun", false)]
    [InlineData("--exclusive", true)]
    public void Only_a_run_that_executes_tasks_saves_a_cut_error_line_whole(string mode, bool saves)
    {
        var saved = new List<string>();

        var run = _host.Run(
            host => host.UsePreflight<RecordingPreflight>().UseErrorLineLimit(100, (_, message) => { saved.Add(message); return "/tmp/the-whole-error.txt"; }),
            "--target", "Second", mode, "--refuse-at-length");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(saves ? 1 : 0, saved.Count);
        Assert.EndsWith(saves ? "characters; the whole message is in /tmp/the-whole-error.txt)" : "characters)", run.ErrorLines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tree")]
    [InlineData("--description")]
    public void Walking_the_graph_runs_no_preflight(string mode)
    {
        var run = Run(mode, "--refuse");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Empty(_host.Recorder.Events);
    }

    private HostRun Run(params string[] args) =>
        _host.Run(host => host.UsePreflight<RecordingPreflight>().UseLifetime<RecordingLifetime>(), args);
}
