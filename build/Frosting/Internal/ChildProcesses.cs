using System.Globalization;

namespace Cake.Frosting.Internal;

/// <summary>
/// The children and descendants of this process, read from /proc (Linux): whatever started them (Cake's process runner or
/// <see cref="System.Diagnostics.Process"/>). Elsewhere the list is empty.
/// </summary>
internal static class ChildProcesses
{
    /// <summary>A running child: its id and its command name.</summary>
    public sealed record Child(int Id, string Name);

    public static IReadOnlyList<Child> Of(int parentId) =>
        [.. Snapshot().Where(process => process.ParentId == parentId).Select(process => new Child(process.Id, process.Name))];

    /// <summary>
    /// Every process below <paramref name="ancestorId"/> (children, their children...), parents first: what a terminal's
    /// Ctrl-C reaches in a process group. `dotnet test` stops only when its test runner, a grandchild, gets the signal.
    /// </summary>
    public static IReadOnlyList<Child> Below(int ancestorId)
    {
        var processes = Snapshot();
        var below = new List<Child>();
        var parents = new Queue<int>([ancestorId]);
        while (parents.TryDequeue(out var parent))
        {
            foreach (var child in processes.Where(process => process.ParentId == parent))
            {
                below.Add(new Child(child.Id, child.Name));
                parents.Enqueue(child.Id);
            }
        }

        return below;
    }

    private static List<(int Id, string Name, int ParentId)> Snapshot()
    {
        var processes = new List<(int Id, string Name, int ParentId)>();
        if (!Directory.Exists("/proc"))
        {
            return processes;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            try
            {
                if (ParseStat(File.ReadAllText(Path.Combine(directory, "stat"))) is { } stat)
                {
                    processes.Add((id, stat.Name, stat.ParentId));
                }
            }
            catch (IOException)
            {
                // The process exited while being read.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read; not our child either.
            }
        }

        return processes;
    }

    public static bool IsRunning(int id) =>
        Directory.Exists("/proc")
            ? File.Exists($"/proc/{id.ToString(CultureInfo.InvariantCulture)}/stat") && !IsZombie(id)
            : Signals.IsAlive(id);

    /// <summary>Reads "pid (comm) state ppid ..." of /proc/&lt;pid&gt;/stat; comm may hold spaces and parentheses.</summary>
    public static (string Name, char State, int ParentId)? ParseStat(string stat)
    {
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return null;
        }

        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent)
            ? (stat[(open + 1)..close], fields[0][0], parent)
            : null;
    }

    private static bool IsZombie(int id)
    {
        try
        {
            return ParseStat(File.ReadAllText($"/proc/{id.ToString(CultureInfo.InvariantCulture)}/stat")) is { State: 'Z' or 'X' };
        }
        catch (IOException)
        {
            return true;
        }
    }
}
