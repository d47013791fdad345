using System.Globalization;
using Build.Tests.EndToEnd;
using Build.Tests.Stages.Image;
using Build.Tests.Support;
using Build.Tools.Machine;

namespace Build.Tests.Stages.Prerequisites;

/// <summary>
/// The real build starts the real docker-registry on a free loopback port (data under a temporary XDG_DATA_HOME)
/// through Push's chain, detached from the build, and finds it running the next time. Push's chain also needs the
/// Docker engine (started too, as root on Debian, if it does not answer).
/// </summary>
[Integration("docker-registry (Debian package) and a Docker engine")]
public sealed class RegistryStartTests : IDisposable
{
    private readonly BuildProcess _build = new();
    private readonly DirectoryInfo _dataHome = Directory.CreateTempSubdirectory("build-xdg-");
    private readonly string _address = $"127.0.0.1:{DockerEngineFixture.FreePort().ToString(CultureInfo.InvariantCulture)}";

    public RegistryStartTests()
    {
        _build.Environment["XDG_DATA_HOME"] = _dataHome.FullName;

        // Restore fails at once after Prerequisites: this test is about Prerequisites only.
        File.WriteAllText(_build.Path("App.sln"), "not a solution");
    }

    private LocalRegistryFolder Folder => LocalRegistryFolder.For(_address, Path.Combine(_dataHome.FullName, "app-build"));

    public void Dispose()
    {
        if (File.Exists(Folder.PidFile) && int.TryParse(File.ReadAllText(Folder.PidFile).Trim(), CultureInfo.InvariantCulture, out var pid) && DetachedProcess.IsRunning(pid))
        {
            using var registry = System.Diagnostics.Process.GetProcessById(pid);
            registry.Kill();
            registry.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _build.Dispose();
        _dataHome.Delete(recursive: true);
    }

    [Fact]
    public void The_registry_is_started_once_in_the_data_folder_and_found_running_the_next_time()
    {
        Assert.False(RegistryProbe.Answers(_address), $"Something already answers at {_address}.");

        var first = Push();

        Assert.Equal("Succeeded", PrerequisitesStatus());
        var started = Assert.Single(first.OutputLines, line => line.StartsWith($"Prerequisites: started the registry on {_address} ", StringComparison.Ordinal));
        Assert.Contains($"data: {Folder.Root}; log: {Folder.LogFile}", started, StringComparison.Ordinal);
        Assert.True(RegistryProbe.Answers(_address), $"Nothing answers at http://{_address}/v2/ after the run.\n{first}");
        var pid = int.Parse(File.ReadAllText(Folder.PidFile).Trim(), CultureInfo.InvariantCulture);
        Assert.Contains($"(pid {pid.ToString(CultureInfo.InvariantCulture)}; ", started, StringComparison.Ordinal);
        Assert.True(DetachedProcess.IsRunning(pid), $"The registry (pid {pid}) is not running after the build ended.");

        // Detached: a session of its own, so neither the build's interrupt handling nor a terminal's Ctrl-C reaches it.
        Assert.Equal(pid, Daemons.SessionOf(pid));
        Assert.Contains($"rootdirectory: \"{Folder.Root}\"", File.ReadAllText(Folder.ConfigFile), StringComparison.Ordinal);

        var second = Push();

        Assert.Equal("Succeeded", PrerequisitesStatus());
        Assert.DoesNotContain(second.OutputLines, line => line.Contains("started the registry", StringComparison.Ordinal));
        Assert.Contains(second.OutputLines, line => line.StartsWith("Prerequisites: ", StringComparison.Ordinal) && line.Contains(" checked, all present (", StringComparison.Ordinal));
        Assert.Equal(pid.ToString(CultureInfo.InvariantCulture), File.ReadAllText(Folder.PidFile).Trim());
        Assert.Equal([pid], RegistriesServing(Folder.ConfigFile));
    }

    private BuildProcessRun Push() =>
        _build.Run("--target", "Push", "--registry", _address, "--base-image", "registry.example/base:1");

    private string PrerequisitesStatus() =>
        BuildReportJson.Read(_build.Artifacts).Tasks.Single(task => task.Name == "Prerequisites").Status;

    private static List<int> RegistriesServing(string config) => Daemons.Find((command, _) => command.Contains(config));
}
