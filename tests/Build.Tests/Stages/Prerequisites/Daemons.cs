using System.Globalization;

namespace Build.Tests.Stages.Prerequisites;

/// <summary>The processes of this machine as /proc shows them: what the build started apart from itself.</summary>
public static class Daemons
{
    /// <summary>The processes whose command line (arguments split on NUL) and environment match.</summary>
    public static List<int> Find(Func<string[], string, bool> match) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, CultureInfo.InvariantCulture, out _))
            .Where(name =>
            {
                try
                {
                    return match(File.ReadAllText($"/proc/{name}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries), File.ReadAllText($"/proc/{name}/environ"));
                }
                catch (IOException)
                {
                    return false;
                }
                catch (UnauthorizedAccessException)
                {
                    return false;
                }
            })
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))];

    /// <summary>The session of a process: its own id when it was started in a session of its own (setsid).</summary>
    public static int SessionOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");

        // After "pid (comm) ": state, ppid, pgrp, session.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[3], CultureInfo.InvariantCulture);
    }
}
