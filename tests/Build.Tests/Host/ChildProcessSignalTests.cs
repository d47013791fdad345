using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Frosting.Internal;

namespace Build.Tests.Host;

/// <summary>
/// What the interrupt hook relies on, with a real child process started through the build's Cake process runner: its
/// id (Cake's IProcess does not expose it), its presence among this process's children, and a SIGINT through libc.
/// </summary>
public sealed class ChildProcessSignalTests
{
    [Fact]
    public void A_child_started_by_Cake_is_found_by_id_among_the_children_and_stops_on_SIGINT()
    {
        var console = new TextWriterConsole(TextWriter.Null, TextWriter.Null);
        var context = CakeContextFactory.Create(new CakeBuildLog(console, Verbosity.Quiet), console, Array.Empty<string>().ToLookup(x => x), workingDirectory: null, new EmptyServices());
        using var process = context.ProcessRunner.Start(new FilePath("/bin/sleep"), new ProcessSettings { Arguments = "300" });

        var id = ProcessIds.Of(process);

        Assert.NotNull(id);
        Assert.Contains(ChildProcesses.Of(Environment.ProcessId), child => child.Id == id && child.Name == "sleep");
        Assert.True(ChildProcesses.IsRunning(id.Value));
        Assert.True(Signals.SendInterrupt(id.Value));
        process.WaitForExit();
        Assert.False(ChildProcesses.IsRunning(id.Value));
    }

    [Fact]
    public void The_processes_below_a_child_are_found_as_a_terminal_would_reach_them()
    {
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "sleep 300 & echo $!; wait" }, RedirectStandardOutput = true };
        using var shell = System.Diagnostics.Process.Start(start)!;
        try
        {
            var grandchild = int.Parse(shell.StandardOutput.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);

            var below = ChildProcesses.Below(Environment.ProcessId);

            Assert.Contains(below, process => process.Id == shell.Id);
            // By id only: the background child may not have exec'd sleep yet (it is still called sh for a moment).
            Assert.Contains(below, process => process.Id == grandchild);
            Assert.DoesNotContain(ChildProcesses.Of(Environment.ProcessId), process => process.Id == grandchild);
            Assert.Equal([grandchild], ChildProcesses.Below(shell.Id).Select(process => process.Id));
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
            shell.WaitForExit();
        }
    }

    [Theory]
    [InlineData("4242 (terraform) S 17 4242 17 0 -1", "terraform", 'S', 17)]
    [InlineData("77 (tool (with) spaces) R 1 77 77 0 -1", "tool (with) spaces", 'R', 1)]
    public void A_proc_stat_line_gives_the_name_state_and_parent(string stat, string name, char state, int parent)
    {
        Assert.Equal((name, state, parent), ChildProcesses.ParseStat(stat));
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
