namespace Build.Tools.Machine;

/// <summary>
/// Where the build keeps what outlives a checkout on this machine (the local registry's data and log, the Docker
/// engine's log when the build started it): <c>${XDG_DATA_HOME:-~/.local/share}/app-build</c>.
/// </summary>
public static class AppDataFolder
{
    public const string Name = "app-build";

    public static string Resolve(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);

        // The XDG rule: a relative XDG_DATA_HOME is ignored.
        var dataHome = variables("XDG_DATA_HOME") is { Length: > 0 } set && Path.IsPathRooted(set)
            ? set
            : Path.Combine(variables("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, Name);
    }
}
