using System.Diagnostics;
using System.Globalization;
using Build.Core.Processes;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Tests.Core.Processes;

public sealed class ProcessWaitTests
{
    [Fact]
    public void A_process_that_outlives_its_timeout_is_killed_and_stopped_with_one_line()
    {
        var output = new OutputCapture();
        using var process = Shell.Start("echo $$; exec sleep 30", new ProcessSettings().CaptureOutput(output));

        var error = Assert.Throws<CakeException>(() => ProcessWait.ForExit(process, TimeSpan.FromSeconds(1), "sleep"));

        Assert.Equal("sleep did not finish within 1 s and was stopped.", error.Message);
        var pid = int.Parse(Assert.Single(output.Lines), CultureInfo.InvariantCulture);
        var deadline = Stopwatch.StartNew();
        while (Directory.Exists($"/proc/{pid}") && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(50);
        }

        Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} is still running");
    }

    [Fact]
    public void Within_its_timeout_a_process_is_waited_for_and_all_its_output_read()
    {
        var output = new OutputCapture();
        using var process = Shell.Start("seq 1 2000; exit 3", new ProcessSettings().CaptureOutput(output));

        ProcessWait.ForExit(process, TimeSpan.FromSeconds(60), "seq");

        Assert.Equal(3, process.GetExitCode());
        Assert.Equal(Enumerable.Range(1, 2000).Select(n => n.ToString(CultureInfo.InvariantCulture)), output.Lines);
    }

    [Fact]
    public void Without_a_timeout_the_wait_is_unbounded()
    {
        var output = new OutputCapture();
        using var process = Shell.Start("sleep 1.5; echo done", new ProcessSettings().CaptureOutput(output));

        ProcessWait.ForExit(process, timeout: null, "sleep");

        Assert.Equal(0, process.GetExitCode());
        Assert.Equal(["done"], output.Lines);
    }
}
