using System.Diagnostics;
using System.Globalization;

namespace Build.Tests.Support;

/// <summary>The build app running as a child process: its output so far, a way to signal it, and its end.</summary>
public sealed class RunningBuild : IDisposable
{
    private readonly Process _process;
    private readonly LineBuffer _output = new();
    private readonly LineBuffer _error = new();

    public RunningBuild(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => _output.Add(line.Data);
        _process.ErrorDataReceived += (_, line) => _error.Add(line.Data);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Output => _output.ToString();

    /// <summary>Waits until standard output or error holds <paramref name="text"/>; fails naming it after <paramref name="timeout"/>.</summary>
    public void WaitForOutput(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal) && !_error.ToString().Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The build never printed '{text}' (exited: {_process.HasExited}).\nstdout:\n{Output}\nstderr:\n{_error.ToString()}");
            }

            Thread.Sleep(100);
        }
    }

    /// <summary>Sends SIGINT with kill(1): to the build process only, or to its whole process group (a negative id).</summary>
    public void Interrupt(bool wholeGroup)
    {
        var target = (wholeGroup ? -Id : Id).ToString(CultureInfo.InvariantCulture);
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", "--", target }, UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -INT -- {target} failed with exit code {kill.ExitCode}.");
    }

    public BuildProcessRun WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
            Assert.Fail($"The build did not finish within {timeout.TotalSeconds} s and was killed.\nstdout:\n{Output}\nstderr:\n{_error.ToString()}");
        }

        // The parameterless wait drains the asynchronous output readers.
        _process.WaitForExit();
        return new BuildProcessRun(_process.ExitCode, Output, _error.ToString());
    }

    public override string ToString() => $"stdout:\n{Output}\nstderr:\n{_error.ToString()}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }


}
