using System.Globalization;

namespace Cake.Frosting.Internal;

/// <summary>
/// The direct children of this process, read from /proc (Linux): whatever started them (Cake's process runner or
/// <see cref="System.Diagnostics.Process"/>). Elsewhere the list is empty.
/// </summary>
internal static class ChildProcesses
{
    /// <summary>A running child: its id and its command name.</summary>
    public sealed record Child(int Id, string Name);

    public static IReadOnlyList<Child> Of(int parentId)
    {
        if (!Directory.Exists("/proc"))
        {
            return [];
        }

        var children = new List<Child>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }

            try
            {
                if (ParseStat(File.ReadAllText(Path.Combine(directory, "stat"))) is { } stat && stat.ParentId == parentId)
                {
                    children.Add(new Child(id, stat.Name));
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

        return children;
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
