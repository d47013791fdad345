using Build.Tools.Machine;

namespace Build.Tests.Tools.Machine;

public sealed class LocalRegistryFolderTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("registry-folder-");

    public void Dispose() => _data.Delete(recursive: true);

    [Fact]
    public void One_folder_per_port_under_the_data_folder_holds_config_log_pid_and_storage()
    {
        var folder = LocalRegistryFolder.For("127.0.0.1:5001", "/home/dev/.local/share/app-build");

        Assert.Equal("/home/dev/.local/share/app-build/registry-5001", folder.Root);
        Assert.Equal("/home/dev/.local/share/app-build/registry-5001/config.yml", folder.ConfigFile);
        Assert.Equal("/home/dev/.local/share/app-build/registry-5001/registry.log", folder.LogFile);
        Assert.Equal("/home/dev/.local/share/app-build/registry-5001/registry.pid", folder.PidFile);
    }

    [Fact]
    public void The_config_stores_in_the_folder_allows_deletes_and_listens_on_the_address_only()
    {
        var folder = LocalRegistryFolder.For("127.0.0.1:5002", _data.FullName);

        folder.WriteConfig("127.0.0.1:5002");

        var config = File.ReadAllText(folder.ConfigFile);
        Assert.Contains($"""
              filesystem:
                rootdirectory: "{folder.Root}"
              delete:
                enabled: true
            http:
              addr: "127.0.0.1:5002"
            """, config, StringComparison.Ordinal);
        Assert.StartsWith("version: 0.1\n", config, StringComparison.Ordinal);
        Assert.Equal(["config.yml"], Directory.GetFiles(folder.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void The_command_a_person_runs_names_the_config_and_the_log_quoted_when_needed()
    {
        var folder = new LocalRegistryFolder("/home/a dev/.local/share/app-build/registry-5000");

        Assert.Equal(
            "/usr/bin/docker-registry serve '/home/a dev/.local/share/app-build/registry-5000/config.yml' >>'/home/a dev/.local/share/app-build/registry-5000/registry.log' 2>&1 &",
            LocalRegistryServer.StartCommand("/usr/bin/docker-registry", folder));
    }
}
