using System.Globalization;
using Build.Tests.EndToEnd;
using Build.Tests.Support;
using Build.Tools.Machine;

namespace Build.Tests.Stages.Prerequisites;

/// <summary>
/// The engine-start path of the real build with a fake docker CLI and a fake dockerd alone on PATH: the CLI answers
/// once the "daemon" has started, and the build starts that daemon detached (no systemd here), logging to the data
/// folder. Needs root on Debian or Ubuntu without systemd, as the install path does.
/// </summary>
[Integration("root on Debian or Ubuntu without systemd (the install path; docker and dockerd are fakes here)")]
public sealed class EngineStartTests : IDisposable
{
    private readonly FakeBin _bin = new();
    private readonly BuildProcess _build = new();
    private readonly DirectoryInfo _dataHome = Directory.CreateTempSubdirectory("build-xdg-");

    public EngineStartTests()
    {
        _build.Environment["PATH"] = _bin.Path;
        _build.Environment["XDG_DATA_HOME"] = _dataHome.FullName;
        _build.Environment["DOCKER_HOST"] = "";
        File.WriteAllText(_build.Path("App.sln"), "not a solution");
        var started = Path.Combine(_bin.Path, "engine-started");
        _bin.Script("docker", $$"""
            case "$1" in
              version) [ -f {{started}} ] && { /bin/echo 20.10.24+fake; exit 0; }; /bin/echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2; exit 1 ;;
              *) exit 1 ;;
            esac
            """);
        _bin.Script("dockerd", $"/bin/echo 'fake dockerd starting'; /bin/sleep 1; /bin/echo > {started}; exec /bin/sleep 600");
    }

    public void Dispose()
    {
        foreach (var pid in FakeDaemons())
        {
            using var daemon = System.Diagnostics.Process.GetProcessById(pid);
            daemon.Kill();
        }

        _build.Dispose();
        _bin.Dispose();
        _dataHome.Delete(recursive: true);
    }

    [Fact]
    public void A_stopped_engine_is_started_detached_in_one_line_and_the_next_run_finds_it_answering()
    {
        var machine = MachineFacts.Detect(Environment.GetEnvironmentVariable);
        Assert.True(machine.HasApt && machine.IsRoot, "The engine-start test runs the build as root on Debian or Ubuntu (CI does): only there does Prerequisites start the engine.");
        Assert.False(machine.HasSystemd, "With systemd the build starts the engine with systemctl, which this test does not fake.");

        var first = _build.Run("--target", "Image", "--base-image", "registry.example/base:1");

        Assert.Equal("Succeeded", PrerequisitesStatus());
        var log = Path.Combine(_dataHome.FullName, "app-build", "dockerd.log");
        var line = Assert.Single(first.OutputLines, line => line.StartsWith("Prerequisites: started the Docker engine (dockerd, pid ", StringComparison.Ordinal));
        Assert.Contains($"; log: {log}) (", line, StringComparison.Ordinal);
        var daemon = Assert.Single(FakeDaemons());
        Assert.Contains($"pid {daemon.ToString(CultureInfo.InvariantCulture)};", line, StringComparison.Ordinal);
        Assert.Equal(daemon, Daemons.SessionOf(daemon));
        Assert.Equal("fake dockerd starting", File.ReadAllLines(log)[0]);

        var second = _build.Run("--target", "Image", "--base-image", "registry.example/base:1");

        Assert.DoesNotContain(second.OutputLines, line => line.Contains("started the Docker engine", StringComparison.Ordinal));
        Assert.Contains(second.OutputLines, line => line.StartsWith("Prerequisites: 2 checked, all present (", StringComparison.Ordinal));
        Assert.Equal([daemon], FakeDaemons());
    }

    private string PrerequisitesStatus() =>
        BuildReportJson.Read(_build.Artifacts).Tasks.Single(task => task.Name == "Prerequisites").Status;

    // The fake dockerd execs "sleep 600" with this test's PATH.
    private List<int> FakeDaemons() =>
        Daemons.Find((command, environment) => command is ["/bin/sleep", "600"] && environment.Contains(_bin.Path, StringComparison.Ordinal));
}
