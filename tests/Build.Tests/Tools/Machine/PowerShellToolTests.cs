using Build.Tools.Machine;

namespace Build.Tests.Tools.Machine;

/// <summary>Where the build and the tests find pwsh: the checkout's .build/tools/pwsh first, then PATH.</summary>
public sealed class PowerShellToolTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("powershell-tool-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void The_checkouts_own_pwsh_wins_over_one_on_PATH()
    {
        var onPath = Executable(Folder("bin"), "pwsh");
        var local = Executable(Directory.CreateDirectory(PowerShellTool.ToolPath(Repository)).FullName, "pwsh");

        Assert.Equal(local, PowerShellTool.Locate(Repository, Path.GetDirectoryName(onPath)));
        Assert.Equal(Path.Combine(Repository, ".build", "tools", "pwsh", "pwsh"), local);
    }

    [Fact]
    public void Without_one_in_the_checkout_the_first_on_PATH_is_used_and_none_is_null()
    {
        var onPath = Executable(Folder("bin"), "pwsh");
        Directory.CreateDirectory(PowerShellTool.ToolPath(Repository));
        File.WriteAllText(Path.Combine(PowerShellTool.ToolPath(Repository), "pwsh"), "not executable");

        Assert.Equal(onPath, PowerShellTool.Locate(Repository, Path.GetDirectoryName(onPath)));
        Assert.Null(PowerShellTool.Locate(Repository, Folder("empty")));
        Assert.Null(PowerShellTool.Locate(Repository, null));
    }

    [Fact]
    public void It_is_installed_with_dotnet_tool_install_pinned_into_the_checkout()
    {
        Assert.Equal("dotnet tool install PowerShell --version 7.6.9 --tool-path .build/tools/pwsh", PowerShellTool.InstallCommand);
        Assert.Equal(["tool", "install", "PowerShell", "--version", "7.6.9", "--tool-path", "/repo/.build/tools/pwsh"], PowerShellTool.InstallArguments("/repo/.build/tools/pwsh"));
    }

    private string Repository => Folder("repo");

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_root.FullName, name)).FullName;

    private static string Executable(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
