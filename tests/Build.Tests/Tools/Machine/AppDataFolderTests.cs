using Build.Tools.Machine;

namespace Build.Tests.Tools.Machine;

public sealed class AppDataFolderTests
{
    [Fact]
    public void XDG_DATA_HOME_when_set_and_absolute()
    {
        Assert.Equal("/data/xdg/app-build", AppDataFolder.Resolve(Variables(("XDG_DATA_HOME", "/data/xdg"), ("HOME", "/home/dev"))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/data")]
    public void Else_the_home_folders_local_share(string? xdg)
    {
        Assert.Equal("/home/dev/.local/share/app-build", AppDataFolder.Resolve(Variables(("XDG_DATA_HOME", xdg), ("HOME", "/home/dev"))));
    }

    private static Func<string, string?> Variables(params (string Name, string? Value)[] set) =>
        name => set.FirstOrDefault(variable => variable.Name == name).Value;
}
