namespace Build.Tools.Machine;

/// <summary>Finds an executable the way a shell does: the first folder of PATH that holds it, then well-known places.</summary>
public static class ExecutableSearch
{
    /// <param name="name">The command (without .exe on Windows).</param>
    /// <param name="pathVariable">The value of PATH.</param>
    /// <param name="alsoAt">Full paths to try when PATH has none (e.g. /usr/sbin/dockerd, not on a user's PATH).</param>
    public static string? Find(string name, string? pathVariable, IEnumerable<string>? alsoAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        string[] names = OperatingSystem.IsWindows() ? [name + ".exe", name + ".cmd", name] : [name];
        var folders = (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return folders.SelectMany(folder => names.Select(file => Path.Combine(folder, file)))
            .Concat(alsoAt ?? [])
            .FirstOrDefault(IsExecutable);
    }

    public static bool IsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
