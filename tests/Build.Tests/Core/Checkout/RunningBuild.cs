using System.Diagnostics;
using System.Text;
using Build.Tests.EndToEnd;

namespace Build.Tests.Core.Checkout;

/// <summary>
/// The build app started in the background in a <see cref="BuildProcess"/> root (same environment rules), for tests
/// that act while it runs: its output can be awaited line by line before it ends.
/// </summary>
public sealed class RunningBuild : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    public RunningBuild(BuildProcess build, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(build);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = build.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuildProcess.BuildDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(BuildProcess.IsRemoved).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in build.Environment)
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Append(_output, line.Data);
        _process.ErrorDataReceived += (_, line) => Append(_error, line.Data);
        _process.Start();
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits until the build has printed <paramref name="text"/>; false if it ended or <paramref name="timeout"/> passed first.</summary>
    public bool WaitForOutput(string text, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (Text(_output).Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (_process.HasExited)
            {
                _process.WaitForExit();
                return Text(_output).Contains(text, StringComparison.Ordinal);
            }

            Thread.Sleep(100);
        }

        return false;
    }

    public BuildProcessRun WaitForExit(TimeSpan timeout)
    {
        Assert.True(_process.WaitForExit(timeout), $"The build did not finish within {timeout.TotalSeconds} s.\n{Text(_output)}{Text(_error)}");
        _process.WaitForExit();
        return new BuildProcessRun(_process.ExitCode, Text(_output), Text(_error));
    }

    public override string ToString() => $"stdout:\n{Text(_output)}\nstderr:\n{Text(_error)}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }

    private static string Text(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
