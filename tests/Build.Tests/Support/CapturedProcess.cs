using System.Diagnostics;
using System.Text;

namespace Build.Tests.Support;

/// <summary>
/// Runs a process to its end with stdin closed and stdout/stderr captured line by line; a process still running after
/// the timeout is killed (with its children) and the test fails with what it printed.
/// </summary>
public static class CapturedProcess
{
    public static BuildProcessRun Run(ProcessStartInfo start, TimeSpan timeout, string description)
    {
        ArgumentNullException.ThrowIfNull(start);
        using var process = new Process { StartInfo = start };
        var output = new LineBuffer();
        var error = new LineBuffer();
        process.OutputDataReceived += (_, line) => output.Add(line.Data);
        process.ErrorDataReceived += (_, line) => error.Add(line.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{description} did not finish within {timeout.TotalSeconds} s and was killed.\nstdout:\n{output}\nstderr:\n{error}");
        }

        // The parameterless wait drains the asynchronous output readers.
        process.WaitForExit();
        return new BuildProcessRun(process.ExitCode, output.ToString(), error.ToString());
    }
}

/// <summary>Lines a process prints, added from its reader threads and read from the test's.</summary>
public sealed class LineBuffer
{
    private readonly StringBuilder _text = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.Append(line).Append('\n');
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}
