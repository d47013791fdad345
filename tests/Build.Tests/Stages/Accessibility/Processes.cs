using System.Diagnostics;
using System.Globalization;

namespace Build.Tests.Stages.Accessibility;

/// <summary>Checks on processes by id (Linux /proc).</summary>
public static class Processes
{
    /// <summary>Whether a process runs (a zombie that no one has reaped yet does not).</summary>
    public static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception gone) when (gone is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    public static async Task AssertStopsAsync(int pid, string what)
    {
        var watch = Stopwatch.StartNew();
        while (IsRunning(pid) && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        Assert.False(IsRunning(pid), $"{what} (pid {pid}) still runs.");
    }
}
