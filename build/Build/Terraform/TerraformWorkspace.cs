using Cake.Core.IO;
using Path = System.IO.Path;

namespace Build.Terraform;

/// <summary>
/// Where terraform runs for one environment: a copy of terraform/ under .build/terraform/&lt;env&gt;/ (so the
/// repository stays clean and environments never share .terraform), the local-backend override for offline
/// work, the CLI config that points at a provider mirror, and the environment's artifacts folder.
/// </summary>
public sealed class TerraformWorkspace
{
    /// <summary>The environment variable naming a provider filesystem mirror (the folder holding registry.terraform.io/).</summary>
    public const string ProviderMirrorVariable = "TF_PROVIDER_MIRROR";

    private TerraformWorkspace(DirectoryPath source, DirectoryPath workingDirectory, DirectoryPath artifacts, string environment)
    {
        Source = source;
        WorkingDirectory = workingDirectory;
        Artifacts = artifacts;
        Environment = environment;
    }

    public DirectoryPath Source { get; }

    public DirectoryPath WorkingDirectory { get; }

    public DirectoryPath Artifacts { get; }

    public string Environment { get; }

    public FilePath PlanFile => Artifacts.CombineWithFilePath("tfplan");

    public FilePath VarFile => WorkingDirectory.Combine("environments").CombineWithFilePath($"{Environment}.tfvars");

    public FilePath BackendConfigFile => WorkingDirectory.Combine("environments").CombineWithFilePath($"{Environment}.s3.tfbackend");

    /// <summary>Copies the module into a fresh working directory; a local backend keeps its state outside that copy.</summary>
    public static TerraformWorkspace Prepare(DirectoryPath source, DirectoryPath cacheRoot, DirectoryPath artifactsRoot, string environment, bool localBackend)
    {
        var workingDirectory = cacheRoot.Combine(environment).Combine("module");
        var dataDirectory = cacheRoot.Combine(environment).Combine("data");
        var artifacts = artifactsRoot.Combine(environment);
        Directory.CreateDirectory(dataDirectory.FullPath);
        Directory.CreateDirectory(artifacts.FullPath);
        CopyModule(source.FullPath, workingDirectory.FullPath);
        if (localBackend)
        {
            var state = cacheRoot.Combine("state").CombineWithFilePath($"{environment}.tfstate");
            Directory.CreateDirectory(state.GetDirectory().FullPath);
            File.WriteAllText(
                Path.Combine(workingDirectory.FullPath, "backend_override.tf"),
                $"terraform {{\n  backend \"local\" {{\n    path = \"{state.FullPath}\"\n  }}\n}}\n");
        }

        return new TerraformWorkspace(source, workingDirectory, artifacts, environment);
    }

    /// <summary>The variables every terraform process of this workspace gets.</summary>
    public IDictionary<string, string> ProcessEnvironment(DirectoryPath cacheRoot)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TF_DATA_DIR"] = cacheRoot.Combine(Environment).Combine("data").FullPath,
        };
        // One provider cache for every environment: the AWS provider is ~700 MB and is linked, not copied, per init.
        var cache = cacheRoot.Combine("plugin-cache").FullPath;
        Directory.CreateDirectory(cache);
        var config = new System.Text.StringBuilder($"plugin_cache_dir = \"{cache}\"\n");
        var mirror = System.Environment.GetEnvironmentVariable(ProviderMirrorVariable);
        if (!string.IsNullOrWhiteSpace(mirror))
        {
            config.Append($"provider_installation {{\n  filesystem_mirror {{\n    path = \"{mirror}\"\n  }}\n}}\n");
        }

        var configFile = cacheRoot.CombineWithFilePath("cli.tfrc").FullPath;
        File.WriteAllText(configFile, config.ToString());
        variables["TF_CLI_CONFIG_FILE"] = configFile;
        return variables;
    }

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
