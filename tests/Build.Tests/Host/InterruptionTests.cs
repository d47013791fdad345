using Cake.Core;
using Cake.Frosting;

namespace Build.Tests.Host;

/// <summary>The record of an interrupted run (own instances: the process-wide one must stay untouched in tests).</summary>
public sealed class InterruptionTests
{
    [Fact]
    public void The_first_signal_is_recorded_and_cancels_the_token_and_a_later_one_is_not_first()
    {
        using var interruption = new Interruption();
        Assert.False(interruption.IsRequested);

        Assert.True(interruption.Request("SIGTERM"));
        Assert.False(interruption.Request("SIGINT"));

        Assert.True(interruption.Token.IsCancellationRequested);
        Assert.Equal("SIGTERM", interruption.Signal);
        Assert.NotNull(interruption.RequestedAt);
    }

    [Fact]
    public void A_task_that_failed_for_another_reason_is_described_as_interrupted_naming_the_task()
    {
        using var interruption = new Interruption();
        interruption.TaskStarted("Test");
        interruption.Request("SIGINT");

        Assert.Equal("Interrupted (SIGINT) during Test: dotnet test failed (exit 130).", interruption.Describe(new CakeException("dotnet test failed (exit 130).")));
        Assert.Equal("Interrupted (SIGINT) during Test: it stopped waiting.", interruption.Describe(new OperationCanceledException()));
    }

    [Fact]
    public void A_failure_that_names_the_interruption_itself_is_kept_as_it_is_with_exit_code_130()
    {
        using var interruption = new Interruption();
        interruption.TaskStarted("Plan");
        interruption.Request("SIGINT");
        var stopped = Interruption.Stopped("Interrupted (SIGINT) during Plan (terraform plan (dev)): terraform stopped.");

        Assert.Equal(130, stopped.ExitCode);
        Assert.Equal(stopped.Message, interruption.Describe(stopped));
    }

    [Fact]
    public void No_task_starts_after_the_interrupt()
    {
        using var interruption = new Interruption();
        interruption.ThrowIfRequested("before Apply started");
        interruption.Request("SIGINT");

        var thrown = Assert.Throws<CakeException>(() => interruption.ThrowIfRequested("before Apply started"));

        Assert.Equal(130, thrown.ExitCode);
        Assert.Equal("Interrupted (SIGINT) before Apply started.", thrown.Message);
    }

    [Fact]
    public void Tasks_running_at_once_are_all_named_and_afterwards_the_first_that_failed()
    {
        using var interruption = new Interruption();
        interruption.TaskStarted("Test");
        interruption.TaskStarted("ImageScan");
        interruption.Request("SIGINT");
        Assert.Equal("Interrupted (SIGINT) during Test and ImageScan: it stopped waiting.", interruption.Describe(new OperationCanceledException()));

        interruption.TaskEnded("ImageScan", failed: false);
        interruption.TaskEnded("Test", failed: true);

        Assert.Equal("Test", interruption.Task);
    }
}
