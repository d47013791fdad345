using Build.Parameters;
using Build.Tools.Terraform;
using Cake.Core.IO;
using Path = System.IO.Path;

namespace Build.Stages.Infrastructure;

/// <summary>
/// Where terraform runs for one environment and backend: a copy of terraform/ under
/// .build/terraform/&lt;env&gt;-&lt;backend&gt;/module with its own TF_DATA_DIR (data/) and CLI config (cli.tfrc), so the
/// repository stays clean, and neither environments nor backends share .terraform: switching backend never asks for a
/// state migration. Local state lives apart, in .build/terraform/state/, which nothing but the user deletes.
/// </summary>
public sealed class TerraformWorkspace
{
    /// <summary>The environment variable naming a provider filesystem mirror (see <see cref="ProviderMirror"/>).</summary>
    public const string ProviderMirrorVariable = ProviderMirror.Variable;

    /// <summary>The folder under the cache root that holds local state; never deleted by the build.</summary>
    public const string StateFolder = "state";

    /// <summary>The provider cache shared by every working copy (the AWS provider is ~700 MB and is linked, not copied).</summary>
    public const string PluginCacheFolder = "plugin-cache";

    private TerraformWorkspace(DirectoryPath source, DirectoryPath copy, DirectoryPath artifacts, string environment, TerraformBackend backend, FilePath? stateFile)
    {
        Source = source;
        Copy = copy;
        Artifacts = artifacts;
        Environment = environment;
        Backend = backend;
        StateFile = stateFile;
    }

    public DirectoryPath Source { get; }

    /// <summary>Gets the working copy's folder: module/, data/ and cli.tfrc.</summary>
    public DirectoryPath Copy { get; }

    public DirectoryPath WorkingDirectory => Copy.Combine("module");

    public DirectoryPath DataDirectory => Copy.Combine("data");

    public FilePath CliConfigFile => Copy.CombineWithFilePath("cli.tfrc");

    public DirectoryPath Artifacts { get; }

    public string Environment { get; }

    public TerraformBackend Backend { get; }

    /// <summary>Gets the local state file (local and emulator backends), or null for S3 / no backend.</summary>
    public FilePath? StateFile { get; }

    /// <summary>Gets the file terraform's local backend writes while it holds the state lock, or null.</summary>
    public FilePath? StateLockFile => StateFile is null ? null : StateFile.GetDirectory().CombineWithFilePath($".{StateFile.GetFilename()}.lock.info");

    public FilePath PlanFile => Artifacts.CombineWithFilePath("tfplan");

    /// <summary>Gets what Plan writes next to the plan file: removed together when a plan is not kept.</summary>
    public IReadOnlyList<FilePath> PlanOutputs => [PlanFile, Artifacts.CombineWithFilePath("plan.json"), Artifacts.CombineWithFilePath("plan-summary.json")];

    public FilePath VarFile => WorkingDirectory.Combine("environments").CombineWithFilePath($"{Environment}.tfvars");

    public FilePath BackendConfigFile => WorkingDirectory.Combine("environments").CombineWithFilePath($"{Environment}.s3.tfbackend");

    /// <summary>
    /// The file in <see cref="Source"/> that a file terraform names (relative to the working copy, or absolute) is a copy
    /// of; a file outside the working copy is returned as terraform named it.
    /// </summary>
    public string SourceFileOf(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var copy = WorkingDirectory.FullPath;
        var full = Path.GetFullPath(Path.IsPathRooted(file) ? file : Path.Combine(copy, file));
        var relative = Path.GetRelativePath(copy, full);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? file
            : Path.Combine(Source.FullPath, relative);
    }

    /// <summary>The working copy folder of an environment and backend: "dev-s3", "dev-local", "validate-none".</summary>
    public static DirectoryPath CopyFolder(DirectoryPath cacheRoot, string environment, TerraformBackend backend) =>
        cacheRoot.Combine($"{environment}-{backend.Name()}");

    /// <summary>
    /// Copies the module into a fresh working copy and packs its Lambda sources (<see cref="LambdaPackages"/>); a local
    /// backend keeps its state outside that copy.
    /// </summary>
    public static TerraformWorkspace Prepare(DirectoryPath source, DirectoryPath cacheRoot, DirectoryPath artifactsRoot, string environment, TerraformBackend backend)
    {
        var copy = CopyFolder(cacheRoot, environment, backend);
        var artifacts = artifactsRoot.Combine(environment);
        var workspace = new TerraformWorkspace(source, copy, artifacts, environment, backend, StateFileOf(cacheRoot, environment, backend));
        Directory.CreateDirectory(workspace.DataDirectory.FullPath);
        Directory.CreateDirectory(artifacts.FullPath);
        CopyModule(source.FullPath, workspace.WorkingDirectory.FullPath);
        LambdaPackages.Pack(workspace.WorkingDirectory.FullPath);
        if (workspace.StateFile is { } state)
        {
            Directory.CreateDirectory(state.GetDirectory().FullPath);
            File.WriteAllText(
                Path.Combine(workspace.WorkingDirectory.FullPath, "backend_override.tf"),
                $"terraform {{\n  backend \"local\" {{\n    path = \"{state.FullPath}\"\n  }}\n}}\n");
        }

        return workspace;
    }

    /// <summary>
    /// Deletes every working copy (module copies, data dirs, CLI configs, and those of the layout before backends had
    /// their own) and keeps local state and the provider cache. Returns what was deleted.
    /// </summary>
    public static IReadOnlyList<string> ResetWorkingCopies(DirectoryPath cacheRoot)
    {
        var root = cacheRoot.FullPath;
        if (!Directory.Exists(root))
        {
            return [];
        }

        var deleted = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(root))
        {
            var name = Path.GetFileName(entry);
            if (name is StateFolder or PluginCacheFolder)
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }

            deleted.Add(entry);
        }

        return deleted;
    }

    /// <summary>The variables every terraform process of this workspace gets; writes this working copy's CLI config.</summary>
    public IDictionary<string, string> ProcessEnvironment(DirectoryPath cacheRoot)
    {
        var cache = cacheRoot.Combine(PluginCacheFolder).FullPath;
        Directory.CreateDirectory(cache);
        var config = new System.Text.StringBuilder($"plugin_cache_dir = \"{cache}\"\n");
        var mirror = ProviderMirror.Locate(System.Environment.GetEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(mirror))
        {
            config.Append($"provider_installation {{\n  filesystem_mirror {{\n    path = \"{mirror}\"\n  }}\n}}\n");
        }

        File.WriteAllText(CliConfigFile.FullPath, config.ToString());
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TF_DATA_DIR"] = DataDirectory.FullPath,
            ["TF_CLI_CONFIG_FILE"] = CliConfigFile.FullPath,
        };
    }

    // The local backend keeps the state path it always had (dev.tfstate); the emulator's state is its own, so an offline
    // plan never refreshes against resources an emulator apply created.
    private static FilePath? StateFileOf(DirectoryPath cacheRoot, string environment, TerraformBackend backend) =>
        backend switch
        {
            TerraformBackend.Local => cacheRoot.Combine(StateFolder).CombineWithFilePath($"{environment}.tfstate"),
            TerraformBackend.Emulator => cacheRoot.Combine(StateFolder).CombineWithFilePath($"{environment}-emulator.tfstate"),
            _ => null,
        };

    private static void CopyModule(string source, string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith(".terraform" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || relative.EndsWith(".tfstate", StringComparison.Ordinal)
                || (relative.StartsWith(LambdaPackages.Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && relative.EndsWith(".zip", StringComparison.Ordinal))
                || relative.EndsWith("_override.tf", StringComparison.Ordinal)
                || relative.Equals("override.tf", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
