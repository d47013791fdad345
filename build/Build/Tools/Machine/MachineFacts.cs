namespace Build.Tools.Machine;

/// <summary>
/// What decides how prerequisites are installed and started on this machine: the platform (and its os-release),
/// whether the build runs as root, whether systemd manages services, and the folder the build keeps machine-level
/// state in (<see cref="AppDataFolder"/>: the local registry's data, daemon logs).
/// </summary>
public sealed record MachineFacts(MachinePlatform Platform, OsRelease? Release, bool IsRoot, bool HasSystemd, string DataFolder)
{
    /// <summary>Gets a value indicating whether apt-get installs packages here.</summary>
    public bool HasApt => Platform is MachinePlatform.Debian or MachinePlatform.Ubuntu;

    public static MachineFacts Detect(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var release = OperatingSystem.IsLinux() ? OsRelease.Read() : null;
        return new MachineFacts(
            PlatformOf(release),
            release,
            !OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess,
            OperatingSystem.IsLinux() && Directory.Exists("/run/systemd/system"),
            AppDataFolder.Resolve(variables));
    }

    public static MachinePlatform PlatformOf(OsRelease? release) =>
        OperatingSystem.IsWindows() ? MachinePlatform.Windows
        : OperatingSystem.IsMacOS() ? MachinePlatform.MacOs
        : release is { IsUbuntu: true } ? MachinePlatform.Ubuntu
        : release is { IsDebianFamily: true } ? MachinePlatform.Debian
        : MachinePlatform.OtherLinux;
}
