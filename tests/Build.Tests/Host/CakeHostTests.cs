namespace Build.Tests.Host;

public sealed class CakeHostTests
{
    private readonly HostFixture _host = new();

    [Fact]
    public void Dependencies_run_first_and_a_dependee_runs_before_the_task_it_hooks_into()
    {
        var run = _host.Run("--target", "Third");

        Assert.Equal(0, run.ExitCode);
        var events = _host.Recorder.Events.ToList();
        Assert.Equal(["First", "Helper", "Second", "Third"], events.Order(StringComparer.Ordinal));
        Assert.True(events.IndexOf("First") < events.IndexOf("Second"));
        Assert.True(events.IndexOf("Second") < events.IndexOf("Third"));
        Assert.True(events.IndexOf("Helper") < events.IndexOf("Third"));
    }

    [Fact]
    public void Exclusive_runs_only_the_target()
    {
        var run = _host.Run("--target", "Third", "--exclusive");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["Third"], _host.Recorder.Events);
    }

    [Fact]
    public void Dry_run_lists_the_plan_and_executes_nothing()
    {
        var run = _host.Run("--target", "Third", "--dryrun");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(_host.Recorder.Events);
        Assert.Contains("No tasks were actually executed", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\d\. First", run.Output);
        Assert.Contains("4. Third", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Tree_shows_the_dependency_tree_and_executes_nothing()
    {
        var run = _host.Run("--tree");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Empty(_host.Recorder.Events);
        Assert.Contains("Third", run.Output, StringComparison.Ordinal);
        Assert.Contains("Third\n├─Helper\n└─Second\n  └─First", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Description_lists_tasks_with_their_descriptions()
    {
        var run = _host.Run("--description");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Helper hooks itself in", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skipped_task_does_not_run_and_the_report_gives_the_reason()
    {
        var run = _host.Run("--target", "AfterSkipped");

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(["AfterSkipped"], _host.Recorder.Events);
        Assert.True(run.Output.Contains("No registry configured here", StringComparison.Ordinal), run.Output);
        Assert.Contains("Not a tagged release", run.Output, StringComparison.Ordinal);
        Assert.Contains("Skipped", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skipped_target_is_an_error_as_in_Cake()
    {
        var run = _host.Run("--target", "SkippedByShouldRun");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("skipped due to a criteria: Not a tagged release", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_task_calls_Finally_stops_the_graph_and_exits_1_with_one_line()
    {
        var run = _host.Run("--target", "AfterFailure");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["Finally"], _host.Recorder.Events);
        Assert.Equal("Error: the image is unhealthy", run.ErrorLines[^1]);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.Contains("Failing", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_longer_than_the_line_limit_is_cut_and_saved_whole_where_the_build_says()
    {
        var saved = new List<string>();

        var run = _host.Run(host => host.UseErrorLineLimit(300, (_, message) => { saved.Add(message); return "/tmp/the-whole-error.txt"; }), "--target", "FailingAtLength");

        Assert.Equal(1, run.ExitCode);
        var line = run.ErrorLines[^1];
        Assert.StartsWith("Error: the file is invalid: entry 1 is wrong; entry 2 is wrong;", line, StringComparison.Ordinal);
        Assert.Matches(@"\.\.\. \(\+[0-9]+ characters; the whole message is in /tmp/the-whole-error\.txt\)$", line);
        Assert.InRange(line.Length, 300, 400);
        var whole = Assert.Single(saved);
        Assert.EndsWith($"entry {FailingAtLength.Problems} is wrong", whole, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_within_the_limit_is_printed_as_it_is_and_not_saved()
    {
        var saved = new List<string>();

        var run = _host.Run(host => host.UseErrorLineLimit(300, (_, message) => { saved.Add(message); return "unused"; }), "--target", "AfterFailure");

        Assert.Equal("Error: the image is unhealthy", run.ErrorLines[^1]);
        Assert.Empty(saved);
    }

    [Fact]
    public void OnError_handles_the_failure_then_Finally_runs_and_the_graph_goes_on()
    {
        var run = _host.Run("--target", "AfterHandled");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["OnError:the scan timed out", "Finally", "AfterHandled"], _host.Recorder.Events);
    }

    [Fact]
    public void An_OnError_handler_that_throws_fails_the_build()
    {
        var run = _host.Run("--target", "FailingRethrown");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["OnError"], _host.Recorder.Events);
        Assert.Contains("Error: push failed and was reported", run.ErrorLines);
    }

    [Fact]
    public void The_stack_trace_is_shown_at_diagnostic_verbosity()
    {
        var run = _host.Run("--target", "Failing", "--verbosity", "diagnostic");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ContinueOnError_lets_the_graph_go_on()
    {
        var run = _host.Run("--target", "AfterTolerated");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["AfterTolerated"], _host.Recorder.Events);
    }

    [Fact]
    public void An_async_task_runs()
    {
        var run = _host.Run("--target", "AsyncWork");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["AsyncWork"], _host.Recorder.Events);
    }

    [Fact]
    public void An_unknown_target_exits_2_with_one_line_listing_the_targets_and_runs_nothing()
    {
        var run = _host.Run("--target", "NoSuchTarget");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Error: unknown target 'NoSuchTarget'. Available targets: ", line, StringComparison.Ordinal);
        Assert.Contains("Third", line, StringComparison.Ordinal);
        Assert.Empty(_host.Recorder.Events);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void A_mistyped_target_exits_2_suggesting_the_closest_one()
    {
        var run = _host.Run("--target", "Thrid");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("Error: unknown target 'Thrid': did you mean Third? Available targets: ", line, StringComparison.Ordinal);
        Assert.Empty(_host.Recorder.Events);
    }

    [Fact]
    public void Target_names_are_case_insensitive()
    {
        var run = _host.Run("--target", "first");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["First"], _host.Recorder.Events);
    }

    [Theory]
    [InlineData("--verbosity", "loud")]
    [InlineData("-v", "chatty")]
    public void A_bad_verbosity_exits_2_with_one_line_and_runs_nothing(string option, string value)
    {
        var run = _host.Run("--target", "First", option, value);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains($"Invalid --verbosity '{value}'", line, StringComparison.Ordinal);
        Assert.Empty(_host.Recorder.Events);
    }

    [Fact]
    public void A_task_can_fail_with_its_own_exit_code()
    {
        var run = _host.Run("--target", "UsageFailure");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Error: Invalid --environment 'moon'.", run.ErrorLines);
    }

    [Fact]
    public void Every_other_option_is_an_argument_the_context_can_read()
    {
        var run = _host.Run("--target", "ReadsArguments", "--environment", "dev", "--approve", "--coverage-threshold=85", "--version", "1.2.3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["approve=true", "coverage-threshold=85", "environment=dev", "version=1.2.3"], _host.Recorder.Events);
    }

    [Fact]
    public void Help_prints_usage_and_runs_nothing()
    {
        var run = _host.Run("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--target <name>", run.Output, StringComparison.Ordinal);
        Assert.Empty(_host.Recorder.Events);
    }

    [Fact]
    public void A_bare_version_prints_the_host_version()
    {
        var run = _host.Run("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Output.Trim());
        Assert.Empty(_host.Recorder.Events);
    }

    [Fact]
    public void The_default_target_is_Default()
    {
        var run = _host.Run();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown target 'Default'", run.Error, StringComparison.Ordinal);
    }
}
