namespace Build.Tools.Machine;

/// <summary>
/// apt-get as the Prerequisites task runs it: non-interactive (DEBIAN_FRONTEND=noninteractive, no standard input),
/// as root or through <c>sudo -n</c>; output passed to <paramref name="onLine"/> (the verbose log).
/// </summary>
public sealed class AptGet(bool sudo, Action<string>? onLine = null)
{
    public const string ListsFolder = "/var/lib/apt/lists";

    public static readonly TimeSpan UpdateTimeout = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Whether apt has package lists (a fresh container image has none: install and download fail until apt-get update).</summary>
    public static bool HasPackageLists(string folder = ListsFolder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*_Packages*").Any();

    /// <summary>Whether an install failed because apt does not know the package (no or stale package lists).</summary>
    public static bool FailedForLackOfLists(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return !result.Succeeded && result.Output.Any(line =>
            line.Contains("Unable to locate package", StringComparison.Ordinal)
            || line.Contains("has no installation candidate", StringComparison.Ordinal));
    }

    public static IReadOnlyList<string> InstallArguments(IEnumerable<string> packages) =>
        ["install", "-y", "--no-install-recommends", .. packages];

    public CommandResult Update() => Run(["update"], UpdateTimeout);

    public CommandResult Install(IReadOnlyList<string> packages) => Run(InstallArguments(packages), InstallTimeout);

    private CommandResult Run(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        // sudo resets the environment: the variable goes through env, which sudo runs as root.
        var (executable, prefixed) = sudo
            ? MachineCommand.AsRoot(sudo: true, "env", ["DEBIAN_FRONTEND=noninteractive", "apt-get", .. arguments])
            : ("apt-get", arguments);
        return MachineCommand.Run(executable, prefixed, timeout, new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" }, onLine);
    }
}
