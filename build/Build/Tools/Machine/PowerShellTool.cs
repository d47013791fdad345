namespace Build.Tools.Machine;

/// <summary>
/// PowerShell 7, which build.ps1 runs on: the .NET tool <c>PowerShell</c>, installed with <c>--tool-path</c> into
/// .build/tools/pwsh under the repository root (about 200 MB: kept out of .config/dotnet-tools.json, which every
/// ./build.sh run restores). The build's Prerequisites task installs it there; the tests that run build.ps1 find it here.
/// </summary>
public static class PowerShellTool
{
    public const string Package = "PowerShell";

    /// <summary>Pinned: a later 7.x may want a later .NET than global.json's.</summary>
    public const string Version = "7.6.9";

    /// <summary>The tool folder, relative to the repository root.</summary>
    public const string Folder = ".build/tools/pwsh";

    public static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Gets the command that installs it, run from the repository root.</summary>
    public static string InstallCommand => $"dotnet {string.Join(' ', InstallArguments(Folder))}";

    private static string ExecutableName => OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh";

    /// <summary>The tool folder of the repository at <paramref name="root"/>.</summary>
    public static string ToolPath(string root) => Path.Combine(root, ".build", "tools", "pwsh");

    public static IReadOnlyList<string> InstallArguments(string toolPath) =>
        ["tool", "install", Package, "--version", Version, "--tool-path", toolPath];

    /// <summary>pwsh in the repository's tool folder, else the first on PATH; null when there is none.</summary>
    public static string? Locate(string root, string? pathVariable)
    {
        var local = Path.Combine(ToolPath(root), ExecutableName);
        return ExecutableSearch.IsExecutable(local) ? local : ExecutableSearch.Find("pwsh", pathVariable);
    }

    /// <summary>Installs it into the tool folder of <paramref name="root"/> as the user the build runs as (never through sudo).</summary>
    public static CommandResult Install(string root, Action<string>? onLine = null) =>
        MachineCommand.Run("dotnet", InstallArguments(ToolPath(root)), InstallTimeout, onLine: onLine);
}
