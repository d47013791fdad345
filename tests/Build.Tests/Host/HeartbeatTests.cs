namespace Build.Tests.Host;

/// <summary>A task that prints nothing gets "Still running &lt;task&gt;: &lt;elapsed&gt;" lines from the host, and only while it runs.</summary>
public sealed class HeartbeatTests
{
    private readonly HostFixture _host = new();

    [Fact]
    public void A_silent_task_gets_a_still_running_line_after_each_quiet_interval()
    {
        var run = _host.Run(host => host.UseHeartbeat(TimeSpan.FromMilliseconds(500)).UseDurationFormat(duration => $"{duration.TotalSeconds:0}s"), "--target", "Quiet");

        Assert.True(run.ExitCode == 0, run.All);
        var beats = run.Output.Split('\n').Where(line => line.StartsWith("Still running ", StringComparison.Ordinal)).ToList();
        // Beats at about 0.5, 1, 1.5 s: the count allows for a loaded machine.
        Assert.True(beats.Count is >= 2 and <= 4, run.Output);
        Assert.All(beats, beat => Assert.Matches(@"^Still running Quiet: [012]s\r?$", beat));
    }

    [Fact]
    public void No_heartbeat_unless_asked_for_and_none_in_a_dry_run()
    {
        var plain = _host.Run("--target", "Quiet");
        var dry = _host.Run(host => host.UseHeartbeat(TimeSpan.FromMilliseconds(100)), "--target", "Quiet", "--dryrun");

        Assert.DoesNotContain("Still running", plain.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Still running", dry.All, StringComparison.Ordinal);
    }
}
