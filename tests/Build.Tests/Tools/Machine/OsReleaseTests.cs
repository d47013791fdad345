using Build.Tools.Machine;

namespace Build.Tests.Tools.Machine;

public sealed class OsReleaseTests
{
    private const string Debian12 = """
        PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
        NAME="Debian GNU/Linux"
        VERSION_ID="12"
        VERSION="12 (bookworm)"
        VERSION_CODENAME=bookworm
        ID=debian
        HOME_URL="https://www.debian.org/"
        """;

    private const string Ubuntu2404 = """
        PRETTY_NAME="Ubuntu 24.04.1 LTS"
        NAME="Ubuntu"
        VERSION_ID="24.04"
        VERSION_CODENAME=noble
        ID=ubuntu
        ID_LIKE=debian
        UBUNTU_CODENAME=noble
        """;

    [Fact]
    public void Debian_is_of_the_Debian_family_and_not_Ubuntu()
    {
        var release = OsRelease.Parse(Debian12);

        Assert.Equal("debian", release.Id);
        Assert.Empty(release.IdLike);
        Assert.Equal("bookworm", release.VersionCodename);
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", release.PrettyName);
        Assert.True(release.IsDebianFamily);
        Assert.False(release.IsUbuntu);
        Assert.Equal(MachinePlatform.Debian, MachineFacts.PlatformOf(release));
    }

    [Fact]
    public void Ubuntu_is_Ubuntu_and_of_the_Debian_family()
    {
        var release = OsRelease.Parse(Ubuntu2404);

        Assert.Equal(("ubuntu", "noble"), (release.Id, release.VersionCodename));
        Assert.Equal(["debian"], release.IdLike);
        Assert.True(release.IsUbuntu);
        Assert.True(release.IsDebianFamily);
        Assert.Equal(MachinePlatform.Ubuntu, MachineFacts.PlatformOf(release));
    }

    [Fact]
    public void A_derivative_is_known_by_its_ID_LIKE()
    {
        var mint = OsRelease.Parse("NAME=\"Linux Mint\"\nID=linuxmint\nID_LIKE=\"ubuntu debian\"\nVERSION_CODENAME=wilma\n");
        var raspbian = OsRelease.Parse("ID=raspbian\nID_LIKE=debian\n");

        Assert.Equal(MachinePlatform.Ubuntu, MachineFacts.PlatformOf(mint));
        Assert.Equal(["ubuntu", "debian"], mint.IdLike);
        Assert.Equal(MachinePlatform.Debian, MachineFacts.PlatformOf(raspbian));
    }

    [Theory]
    [InlineData("ID=fedora\nID_LIKE=\"rhel centos\"\nVERSION_ID=40\n")]
    [InlineData("NAME=\"Alpine Linux\"\nID=alpine\n")]
    [InlineData("NAME=Arch\nID=arch\n")]
    [InlineData("")]
    public void Other_distributions_are_not_of_the_Debian_family(string text)
    {
        var release = OsRelease.Parse(text);

        Assert.False(release.IsDebianFamily);
        Assert.Equal(MachinePlatform.OtherLinux, MachineFacts.PlatformOf(release));
        Assert.Equal(MachinePlatform.OtherLinux, MachineFacts.PlatformOf(null));
    }

    [Fact]
    public void Quotes_escapes_comments_and_blank_lines_are_read_as_a_shell_would()
    {
        var release = OsRelease.Parse("# a comment\n\n  ID = \"Debian\" \nPRETTY_NAME=\"It's \\\"quoted\\\" \\$HOME\"\nVERSION_CODENAME='tri xie'\nnot a line\n");

        Assert.Equal("debian", release.Id);
        Assert.Equal("It's \"quoted\" $HOME", release.PrettyName);
        Assert.Equal("tri xie", release.VersionCodename);
    }

    [Fact]
    public void A_missing_file_is_no_release()
    {
        Assert.Null(OsRelease.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "os-release")));
    }
}
