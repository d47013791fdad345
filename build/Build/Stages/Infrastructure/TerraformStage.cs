using System.Security.Cryptography;
using Build.Core;
using Build.Parameters;
using Build.Tools.Terraform;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Infrastructure;

/// <summary>The steps Plan, Apply and TerraformValidate share: preparing the workspace and running terraform in it.</summary>
public sealed class TerraformStage(BuildContext context)
{
    private readonly TerraformRunner _terraform = TerraformRunner.For(context);

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
            context.Paths.Artifacts.Combine("terraform"),
            environment,
            backend);

    public T Settings<T>(TerraformWorkspace workspace, T settings)
        where T : TerraformSettings
    {
        settings.WorkingDirectory = workspace.WorkingDirectory;
        settings.LockTimeout ??= context.Parameters.Terraform.LockTimeout;
        settings.OutputLine = line => context.Information("{0}", line);
        settings.StateLockFile = workspace.StateLockFile;
        foreach (var (name, value) in workspace.ProcessEnvironment(CacheRoot))
        {
            settings.EnvironmentVariables[name] = value;
        }

        return settings;
    }

    public TerraformResult Run(TerraformSettings settings, Cake.Core.IO.ProcessArgumentBuilder arguments, string what, params int[] successCodes)
    {
        var result = _terraform.Execute(settings, arguments);
        var succeeded = successCodes.Length == 0 ? result.ExitCode == 0 : successCodes.Contains(result.ExitCode);
        if (Interruption.Current.IsRequested)
        {
            throw Interruption.Stopped(TerraformInterruption.Describe(Interruption.Current, what, settings, result, succeeded));
        }

        if (succeeded)
        {
            return result;
        }

        if (TerraformErrors.IsStalePlan(result))
        {
            throw new CakeException($"{what} failed: the saved plan is stale (the state changed after Plan). Run Plan again and review it; a stale plan is never re-planned silently.");
        }

        if (TerraformErrors.LockId(result) is { } lockId)
        {
            throw new CakeException(
                $"{what} failed: the state is locked by another process (lock ID {lockId}) and stayed locked for --{ArgumentNames.LockTimeout} {settings.LockTimeout}. "
                + $"Wait for it to finish, or if it died: terraform force-unlock {lockId}");
        }

        throw new CakeException($"{what} failed (exit {result.ExitCode}): {TerraformErrors.FirstError(result)}");
    }

    public TerraformResult Quiet(TerraformSettings settings, Cake.Core.IO.ProcessArgumentBuilder arguments, string what)
    {
        settings.OutputLine = null;
        return Run(settings, arguments, what);
    }

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
