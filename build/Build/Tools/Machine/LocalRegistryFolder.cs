namespace Build.Tools.Machine;

/// <summary>
/// The folder of the registry the build runs on this machine for one port,
/// <c>${XDG_DATA_HOME:-~/.local/share}/app-build/registry-&lt;port&gt;/</c>: its config.yml, its storage (the folder
/// itself is the filesystem root), registry.log, registry.pid and start.lock.
/// </summary>
public sealed record LocalRegistryFolder(string Root)
{
    public string ConfigFile => Path.Combine(Root, "config.yml");

    public string LogFile => Path.Combine(Root, "registry.log");

    public string PidFile => Path.Combine(Root, "registry.pid");

    /// <summary>Gets the file a build holds (an OS lock) while it starts the registry, so two builds never start two.</summary>
    public string StartLockFile => Path.Combine(Root, "start.lock");

    public static LocalRegistryFolder For(string address, string dataFolder) =>
        new(Path.Combine(dataFolder, $"registry-{RegistryAddress.Port(address)}"));

    /// <summary>The registry's configuration (distribution 2.x): filesystem storage in <see cref="Root"/>, deletes enabled, listening on <paramref name="address"/> only.</summary>
    public string Config(string address) => $"""
        version: 0.1
        log:
          level: info
        storage:
          filesystem:
            rootdirectory: "{Root.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}"
          delete:
            enabled: true
        http:
          addr: "{address}"

        """;

    /// <summary>Writes config.yml whole (through a rename, so a registry another build starts at the same moment never reads half of it).</summary>
    public void WriteConfig(string address)
    {
        Directory.CreateDirectory(Root);
        var temporary = ConfigFile + $".{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, Config(address));
        File.Move(temporary, ConfigFile, overwrite: true);
    }
}
