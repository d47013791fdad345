using System.Diagnostics;
using System.Globalization;
using Cake.Core;

namespace Build.Tools.Machine;

/// <summary>
/// Starts a daemon (dockerd, docker-registry) that outlives the build: through <c>sh</c>, in the background, in a
/// session of its own (<c>setsid</c>), standard input from /dev/null and output appended to a log file. sh exits at
/// once, so the daemon's parent is init, not the build: the build's interrupt handling (which signals its own
/// descendants) and a terminal's Ctrl-C (which signals the build's process group) never reach it. Linux only.
/// </summary>
public static class DetachedProcess
{
    // $1 is the log, the rest the command; $! is the daemon's pid (setsid execs it in place: sh's background job is no
    // process-group leader, so setsid needs no fork).
    private const string Script = "log=$1; shift; \"$@\" </dev/null >>\"$log\" 2>&1 & echo $!";

    private static readonly string[] SetsidPaths = ["/usr/bin/setsid", "/bin/setsid"];

    /// <summary>Starts <paramref name="executable"/> detached and returns its process id.</summary>
    public static int Start(string executable, IEnumerable<string> arguments, string logFile)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var setsid = ExecutableSearch.Find("setsid", Environment.GetEnvironmentVariable("PATH"), SetsidPaths)
            ?? throw new CakeException($"setsid is not installed (util-linux), so {Path.GetFileName(executable)} cannot be started apart from the build.");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", Script, "sh", logFile, setsid, executable }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var shell = Process.Start(start) ?? throw new CakeException("/bin/sh did not start.");
        shell.StandardInput.Close();
        var error = shell.StandardError.ReadToEndAsync();
        var output = shell.StandardOutput.ReadToEnd().Trim();
        shell.WaitForExit();
        return shell.ExitCode == 0 && int.TryParse(output, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : throw new CakeException($"Could not start {executable} in the background (sh exit {shell.ExitCode}): {output} {error.GetAwaiter().GetResult()}".TrimEnd());
    }

    /// <summary>Whether the process runs (and is not a zombie), from /proc.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>The last lines of a daemon's log, for an error line.</summary>
    public static string LogTail(string logFile, int count = 5)
    {
        try
        {
            return File.Exists(logFile)
                ? string.Join(" | ", File.ReadLines(logFile).Where(line => line.Trim().Length > 0).TakeLast(count).Select(line => line.Trim()))
                : "(no log)";
        }
        catch (IOException)
        {
            return "(log unreadable)";
        }
    }
}
