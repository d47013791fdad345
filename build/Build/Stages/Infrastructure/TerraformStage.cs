using System.Security.Cryptography;
using Build.Core;
using Build.Core.Ci;
using Build.Parameters;
using Build.Tools.Terraform;
using Cake.Common.Diagnostics;

namespace Build.Stages.Infrastructure;

/// <summary>What Plan, Apply and TerraformValidate share: the workspace of an environment and the settings terraform runs with in it.</summary>
public sealed class TerraformStage(BuildContext context)
{
    /// <summary>Gets the terraform commands, run with this build's process runner.</summary>
    public TerraformCommands Terraform { get; } = TerraformCommands.For(context);

    public Cake.Core.IO.DirectoryPath CacheRoot => CacheRootOf(context.Paths);

    /// <summary>.build/terraform/: the working copies, the provider cache and local state.</summary>
    public static Cake.Core.IO.DirectoryPath CacheRootOf(BuildPaths paths) => paths.Cache.Combine("terraform");

    /// <summary>For Clean: deletes the terraform working copies (the next Plan makes them anew); local state is kept.</summary>
    public static void ResetWorkingCopies(BuildContext context)
    {
        var cacheRoot = CacheRootOf(context.Paths);
        foreach (var deleted in TerraformWorkspace.ResetWorkingCopies(cacheRoot))
        {
            context.Verbose("Deleted terraform working copy {0}", deleted);
        }

        context.Information("Terraform working copies under {0} reset; local state in {1} kept.", cacheRoot.FullPath, cacheRoot.Combine(TerraformWorkspace.StateFolder).FullPath);
    }

    public TerraformWorkspace Prepare(string environment, TerraformBackend backend) =>
        TerraformWorkspace.Prepare(
            context.Paths.Terraform,
            CacheRoot,
            context.Paths.TerraformReports,
            environment,
            backend);

    public T Settings<T>(TerraformWorkspace workspace, T settings)
        where T : TerraformSettings
    {
        settings.WorkingDirectory = workspace.WorkingDirectory;
        settings.LockTimeout ??= context.Parameters.Terraform.LockTimeout;
        settings.OutputLine = line => context.Information("{0}", line);
        settings.StateLockFile = workspace.StateLockFile;
        settings.SourcePath = file => ShownPath(workspace.SourceFileOf(file));
        settings.Diagnostic = error => context.Ci.Annotate(new Annotation(AnnotationLevel.Error, error.Detail is null ? error.Summary : $"{error.Summary}: {error.Detail}", error.File, error.Line));
        foreach (var (name, value) in workspace.ProcessEnvironment(CacheRoot))
        {
            settings.EnvironmentVariables[name] = value;
        }

        return settings;
    }

    // A file of the repository as people name it (terraform/environments/dev.tfvars), anything else as it is.
    private string ShownPath(string file)
    {
        var relative = System.IO.Path.GetRelativePath(context.Paths.Root.FullPath, file);
        return System.IO.Path.IsPathRooted(relative) || relative.StartsWith("..", StringComparison.Ordinal) ? file : relative.Replace('\\', '/');
    }

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
