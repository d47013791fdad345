using Build.Tools.Machine;

namespace Build.Tests.Tools.Machine;

public sealed class InstallDecisionTests
{
    private int _sudoAsked;

    [Theory]
    [InlineData(MachinePlatform.Debian)]
    [InlineData(MachinePlatform.Ubuntu)]
    public void Debian_or_Ubuntu_as_root_installs_without_sudo_and_never_asks_sudo(MachinePlatform platform)
    {
        var decision = Decide(Machine(platform, root: true), noInstall: false, sudo: false);

        Assert.Equal(new InstallDecision(true, false, "root"), decision);
        Assert.Equal(0, _sudoAsked);
    }

    [Fact]
    public void Not_root_with_passwordless_sudo_installs_through_sudo()
    {
        Assert.Equal(new InstallDecision(true, true, "passwordless sudo"), Decide(Machine(MachinePlatform.Debian, root: false), noInstall: false, sudo: true));
        Assert.Equal(1, _sudoAsked);
    }

    [Fact]
    public void Not_root_and_sudo_wants_a_password_only_checks()
    {
        var decision = Decide(Machine(MachinePlatform.Ubuntu, root: false), noInstall: false, sudo: false);

        Assert.False(decision.Installs);
        Assert.Equal("not root, and sudo asks for a password", decision.Reason);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void No_install_only_checks_even_as_root(bool root)
    {
        var decision = Decide(Machine(MachinePlatform.Debian, root), noInstall: true, sudo: true);

        Assert.Equal(InstallDecision.CheckOnly("--no-install"), decision);
        Assert.Equal(0, _sudoAsked);
    }

    [Theory]
    [InlineData(MachinePlatform.MacOs, "nothing is installed on macOS")]
    [InlineData(MachinePlatform.Windows, "nothing is installed on Windows")]
    [InlineData(MachinePlatform.OtherLinux, "not a Debian or Ubuntu machine")]
    public void Elsewhere_only_checks_whatever_the_privileges(MachinePlatform platform, string reason)
    {
        Assert.Equal(InstallDecision.CheckOnly(reason), Decide(Machine(platform, root: true), noInstall: false, sudo: true));
        Assert.Equal(0, _sudoAsked);
    }

    internal static MachineFacts Machine(MachinePlatform platform, bool root, bool systemd = false) =>
        new(platform, platform == MachinePlatform.Debian ? OsRelease.Parse("ID=debian\nVERSION_CODENAME=bookworm\n") : null, root, systemd, "/home/dev/.local/share/app-build");

    private InstallDecision Decide(MachineFacts machine, bool noInstall, bool sudo) =>
        InstallDecision.Decide(machine, noInstall, () =>
        {
            _sudoAsked++;
            return sudo;
        });
}
