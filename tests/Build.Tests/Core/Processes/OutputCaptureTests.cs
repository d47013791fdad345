using System.Collections.Concurrent;
using Build.Core.Processes;
using Cake.Core.IO;

namespace Build.Tests.Core.Processes;

public sealed class OutputCaptureTests
{
    [Fact]
    public void Lines_from_both_streams_are_kept_in_the_order_they_arrive()
    {
        var output = new OutputCapture();

        using (var process = Shell.Start("echo one; sleep 1; echo two >&2; sleep 1; echo three", new ProcessSettings().CaptureOutput(output)))
        {
            process.WaitForExit();
        }

        Assert.Equal(["one", "two", "three"], output.Lines);
    }

    [Fact]
    public void Each_line_is_passed_on_once_and_none_is_left_in_cakes_own_queues()
    {
        var passedOn = new ConcurrentQueue<string>();
        var output = new OutputCapture(passedOn.Enqueue);

        using var process = Shell.Start("echo a; echo b >&2; echo c", new ProcessSettings().CaptureOutput(output));
        process.WaitForExit();

        Assert.Equal(3, output.Lines.Count);
        Assert.Equal(output.Lines.Order(StringComparer.Ordinal), passedOn.Order(StringComparer.Ordinal));
        Assert.Empty(process.GetStandardOutput());
        Assert.Empty(process.GetStandardError());
    }

    [Fact]
    public void Each_stream_can_have_its_own_capture()
    {
        var standardOutput = new OutputCapture();
        var standardError = new OutputCapture();

        using (var process = Shell.Start("echo out1; echo err >&2; echo out2", new ProcessSettings().CaptureOutput(standardOutput, standardError)))
        {
            process.WaitForExit();
        }

        Assert.Equal(["out1", "out2"], standardOutput.Lines);
        Assert.Equal(["err"], standardError.Lines);
    }
}
