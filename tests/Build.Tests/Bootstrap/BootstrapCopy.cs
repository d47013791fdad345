using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Build.Tests.Support;
using Build.Tools.Machine;

namespace Build.Tests.Bootstrap;

/// <summary>
/// A copy of what the bootstrappers need (both scripts, build/ without bin and obj, global.json, Directory.*.props,
/// .editorconfig, .config/, App.sln, .gitignore) in a temporary folder, committed to a git repository of its own so
/// that Version works; build.sh runs there through bash and build.ps1 through PowerShell 7, as a person runs them.
/// It has no .build/ at first: the first script run builds the build project (20-40 s).
/// </summary>
public sealed class BootstrapCopy : IDisposable
{
    /// <summary>The description of the Version task: an edit of it shows in --description, which tells a stale binary.</summary>
    public const string VersionDescription = "Computes the SemVer version";

    public const string VersionTaskFile = "build/Build/Stages/Versioning/VersionTask.cs";

    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static readonly string[] Files = ["build.sh", "build.ps1", "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "App.sln", ".gitignore"];

    private static readonly string[] Folders = ["build", ".config"];

    // The files the fingerprint covers besides build/ (build.sh's list).
    private static readonly string[] FingerprintFiles = ["global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", ".config/dotnet-tools.json"];

    private readonly string _temporary = Directory.CreateTempSubdirectory("build-bootstrap-").FullName;
    private readonly byte[] _versionTask;

    /// <param name="under">Folders between the temporary folder and the copy (e.g. "obj"): the copy is then &lt;temp&gt;/&lt;under&gt;/app.</param>
    public BootstrapCopy(string? under = null)
    {
        Root = under is null ? _temporary : Directory.CreateDirectory(Path.Combine(_temporary, under, "app")).FullName;
        foreach (var file in Files)
        {
            File.Copy(Path.Combine(RepositoryRoot, file), Path.Combine(Root, file));
        }

        foreach (var folder in Folders)
        {
            CopyFolder(Path.Combine(RepositoryRoot, folder), Path.Combine(Root, folder));
        }

        _versionTask = File.ReadAllBytes(PathOf(VersionTaskFile));
        TempGitRepository.Run(Root, "init", "--quiet", "--initial-branch=main");
        TempGitRepository.Run(Root, "add", "--all");
        TempGitRepository.Run(Root, "-c", "user.email=tests@example.invalid", "-c", "user.name=Build Tests", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "copy");
    }

    /// <summary>Gets the repository these tests run from (the folder above the test output that holds App.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Gets pwsh as the build finds it (the checkout's .build/tools/pwsh, else PATH); fails the test when there is none.</summary>
    public static string PowerShell =>
        PowerShellTool.Locate(RepositoryRoot, Environment.GetEnvironmentVariable("PATH"))
        ?? throw new InvalidOperationException(
            $"PowerShell 7 is not installed: run '{PowerShellTool.InstallCommand}' in {RepositoryRoot} (./build.sh --target Test does it), or put pwsh on PATH.");

    /// <summary>Gets the copy's root.</summary>
    public string Root { get; }

    /// <summary>Gets the text of the shared build stamp (.build/bin/.fingerprint); null when there is none.</summary>
    public string? Stamp => File.Exists(PathOf(".build/bin/.fingerprint")) ? File.ReadAllText(PathOf(".build/bin/.fingerprint")) : null;

    /// <summary>Gets when .build/bin/Build.dll was last written: unchanged means no rebuild.</summary>
    public DateTime BuiltAt => File.GetLastWriteTimeUtc(PathOf(".build/bin/Build.dll"));

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Runs ./build.sh through bash with <paramref name="arguments"/>, from the copy's root.</summary>
    public BuildProcessRun Sh(params string[] arguments) => Run("bash", [PathOf("build.sh"), .. arguments]);

    /// <summary>Runs ./build.ps1 through PowerShell 7 with <paramref name="arguments"/>, from the copy's root.</summary>
    public BuildProcessRun Ps1(params string[] arguments) => Run(PowerShell, ["-NoProfile", "-NonInteractive", "-File", PathOf("build.ps1"), .. arguments]);

    /// <summary>Adds <paramref name="marker"/> to the Version task's description (the file as copied, plus the marker).</summary>
    public void EditVersionDescription(string marker)
    {
        var text = Encoding.UTF8.GetString(_versionTask);
        Assert.Contains(VersionDescription, text, StringComparison.Ordinal);
        File.WriteAllText(PathOf(VersionTaskFile), text.Replace(VersionDescription, $"{VersionDescription} {marker}", StringComparison.Ordinal));
    }

    /// <summary>Puts the Version task's file back byte for byte.</summary>
    public void RevertVersionDescription() => File.WriteAllBytes(PathOf(VersionTaskFile), _versionTask);

    /// <summary>
    /// The fingerprint both scripts keep in .build/bin/.fingerprint, computed here from its definition: the lower-case
    /// hex SHA-256 of the text sha256sum prints ("&lt;lower-case hex&gt;  &lt;path&gt;\n") for the files of build/
    /// and the five files above, paths relative to the root, those with /bin/ or /obj/ left out, sorted ordinally.
    /// </summary>
    public string Fingerprint()
    {
        // Dotfiles count: .NET skips hidden files (on Unix, names starting with a dot) unless told otherwise.
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        var paths = Directory.EnumerateFiles(PathOf("build"), "*", options)
            .Select(file => Path.GetRelativePath(Root, file).Replace('\\', '/'))
            .Concat(FingerprintFiles)
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var listing = string.Concat(paths.Select(path => $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(PathOf(path))))}  {path}\n"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_temporary, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    /// <summary>The line of --description that names the Version task (its description starts there).</summary>
    public static string VersionLine(BuildProcessRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Assert.True(run.ExitCode == 0, run.ToString());
        return Assert.Single(run.OutputLines, line => line.TrimStart().StartsWith("Version ", StringComparison.Ordinal));
    }

    private BuildProcessRun Run(string executable, string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // As BuildProcess does: no CI detection nor anything secret-looking from the machine that runs the tests.
        foreach (var name in start.Environment.Keys.Where(BuildProcess.IsRemoved).ToList())
        {
            start.Environment.Remove(name);
        }

        return CapturedProcess.Run(start, Timeout, $"{executable} {string.Join(' ', arguments)}");
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        // Build outputs stay behind: the copy builds its own.
        foreach (var folder in Directory.EnumerateDirectories(from, "*", new EnumerationOptions { AttributesToSkip = 0 })
            .Where(folder => Path.GetFileName(folder) is not ("bin" or "obj")))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "App.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (App.sln) was not found above the test output folder.");
    }


}
