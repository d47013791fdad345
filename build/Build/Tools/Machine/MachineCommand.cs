using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Build.Tools.Machine;

/// <summary>
/// Runs one machine-level command (apt-get, sudo, systemctl) to the end: no standard input (nothing may prompt),
/// output captured and optionally passed on line by line, bounded by a timeout after which it is killed.
/// </summary>
public static class MachineCommand
{
    public static CommandResult Run(
        string executable,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null,
        Action<string>? onLine = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(executable);
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var lines = new List<string>();
        void Receive(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
            }

            onLine?.Invoke(line);
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, received) => Receive(received.Data);
        process.ErrorDataReceived += (_, received) => Receive(received.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception missing)
        {
            return new CommandResult(CommandResult.NotStarted, [$"{executable}: {missing.Message}"]);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Receive(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(executable)} did not finish within {timeout.TotalSeconds:0} s and was stopped."));
            return new CommandResult(CommandResult.TimedOut, Snapshot(lines));
        }

        // The parameterless wait drains the asynchronous readers.
        process.WaitForExit();
        return new CommandResult(process.ExitCode, Snapshot(lines));
    }

    /// <summary>The command run as root: itself when the build is root, else through <c>sudo -n</c> (never prompts).</summary>
    public static (string Executable, IReadOnlyList<string> Arguments) AsRoot(bool sudo, string executable, IEnumerable<string> arguments) =>
        sudo ? ("sudo", ["-n", executable, .. arguments]) : (executable, [.. arguments]);

    private static List<string> Snapshot(List<string> lines)
    {
        lock (lines)
        {
            return [.. lines];
        }
    }
}
