namespace Build.Tests.Host;

/// <summary>The scheduler: independent tasks at the same time, output kept per task, resources, tasks that run alone, failures.</summary>
public sealed class ParallelRunTests
{
    private readonly HostFixture _host = new();

    [Fact]
    public void Independent_tasks_run_at_the_same_time_and_their_output_is_never_interleaved()
    {
        var run = _host.Run("--target", "AfterMeeting", "--parallel", "2");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("MeetsLeft met", _host.Recorder.Events);
        Assert.Contains("MeetsRight met", _host.Recorder.Events);
        Assert.Equal("AfterMeeting", _host.Recorder.Events[^1]);
        var lines = run.Output.Split('\n').Where(line => line.StartsWith("Meets", StringComparison.Ordinal)).Select(line => line.TrimEnd()).ToList();
        Assert.Equal(6, lines.Count);
        var first = lines[0].Split(' ')[0];
        var second = first == "MeetsLeft" ? "MeetsRight" : "MeetsLeft";
        Assert.Equal([$"{first} line 1", $"{first} line 2", $"{first} line 3", $"{second} line 1", $"{second} line 2", $"{second} line 3"], lines);
    }

    [Fact]
    public void One_at_a_time_runs_in_Cakes_order()
    {
        var run = _host.Run("--target", "AfterDisks", "--parallel", "1");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(["UsesDiskOne start", "UsesDiskOne end", "UsesDiskTwo start", "UsesDiskTwo end", "UsesNothing start", "UsesNothing end", "AfterDisks"], _host.Recorder.Events);
        Assert.DoesNotContain("Critical path", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tasks_using_the_same_resource_never_overlap()
    {
        var run = _host.Run("--target", "AfterDisks", "--parallel", "3");

        Assert.True(run.ExitCode == 0, run.All);
        var events = _host.Recorder.Events.Where(name => name.StartsWith("UsesDisk", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, events.Count);
        Assert.EndsWith(" start", events[0], StringComparison.Ordinal);
        Assert.Equal(events[0].Replace("start", "end", StringComparison.Ordinal), events[1]);
        Assert.Contains("Critical path: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("up to 3 tasks at once", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_that_runs_alone_waits_for_every_task_before_it_and_nothing_runs_beside_it()
    {
        var run = _host.Run("--target", "ReleaseAll", "--parallel", "4");

        Assert.True(run.ExitCode == 0, run.All);
        var events = _host.Recorder.Events.ToList();
        var start = events.IndexOf("Publishes start");
        Assert.True(start > events.IndexOf("UsesDiskOne end") && start > events.IndexOf("UsesNothing end"), string.Join(", ", events));
        Assert.Equal("Publishes end", events[start + 1]);
    }

    [Fact]
    public void The_first_failure_starts_nothing_new_lets_the_running_task_finish_and_fails_the_run()
    {
        var run = _host.Run("--target", "FailureTarget", "--parallel", "2");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("Error: the lint found 3 problems", run.ErrorLines[^1]);
        Assert.Contains("SlowSibling end", _host.Recorder.Events);
        Assert.DoesNotContain("AfterSlowSibling", _host.Recorder.Events);
        Assert.DoesNotContain("FailureTarget", _host.Recorder.Events);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    [InlineData("-1")]
    public void A_bad_parallel_value_is_a_usage_error(string value)
    {
        var run = _host.Run("--target", "First", "--parallel", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--parallel", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Empty(_host.Recorder.Events);
    }
}
