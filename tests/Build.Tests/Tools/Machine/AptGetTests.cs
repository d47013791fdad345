using Build.Tools.Machine;

namespace Build.Tests.Tools.Machine;

public sealed class AptGetTests : IDisposable
{
    private readonly DirectoryInfo _lists = Directory.CreateTempSubdirectory("apt-lists-");

    public void Dispose() => _lists.Delete(recursive: true);

    [Fact]
    public void Package_lists_are_the_Packages_files_not_the_lock_or_partial_folder()
    {
        Directory.CreateDirectory(Path.Combine(_lists.FullName, "partial"));
        File.WriteAllText(Path.Combine(_lists.FullName, "lock"), "");
        File.WriteAllText(Path.Combine(_lists.FullName, "deb.debian.org_debian_dists_bookworm_InRelease"), "");

        Assert.False(AptGet.HasPackageLists(_lists.FullName));

        File.WriteAllText(Path.Combine(_lists.FullName, "deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4"), "");

        Assert.True(AptGet.HasPackageLists(_lists.FullName));
        Assert.False(AptGet.HasPackageLists(Path.Combine(_lists.FullName, "missing")));
    }

    [Theory]
    [InlineData("E: Unable to locate package shellcheck", true)]
    [InlineData("E: Package 'chromium' has no installation candidate", true)]
    [InlineData("E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 123 (apt-get)", false)]
    public void An_install_failed_for_lack_of_lists_when_apt_does_not_know_the_package(string line, bool lackOfLists)
    {
        Assert.Equal(lackOfLists, AptGet.FailedForLackOfLists(new CommandResult(100, ["Reading package lists...", line])));
        Assert.False(AptGet.FailedForLackOfLists(new CommandResult(0, [line])));
    }

    [Fact]
    public void Install_never_asks_and_adds_no_recommends()
    {
        Assert.Equal(["install", "-y", "--no-install-recommends", "shellcheck", "chromium"], AptGet.InstallArguments(["shellcheck", "chromium"]));
    }

    [Fact]
    public void Root_runs_a_command_itself_anyone_else_through_sudo_without_a_prompt()
    {
        var (root, rootArguments) = MachineCommand.AsRoot(sudo: false, "systemctl", ["start", "docker"]);
        var (user, userArguments) = MachineCommand.AsRoot(sudo: true, "systemctl", ["start", "docker"]);

        Assert.Equal("systemctl", root);
        Assert.Equal(["start", "docker"], rootArguments);
        Assert.Equal("sudo", user);
        Assert.Equal(["-n", "systemctl", "start", "docker"], userArguments);
    }
}
