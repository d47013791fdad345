using Build.Tests.EndToEnd;
using Build.Tests.Support;
using Build.Tools.Machine;

namespace Build.Tests.Stages.Prerequisites;

/// <summary>
/// The install path of the real build with a fake apt-get first (and alone) on PATH: it records its arguments and
/// "installs" shellcheck by writing a stub next to itself. Needs root on Debian or Ubuntu: anyone else's apt-get would
/// run through sudo, which resets PATH and would run the real one.
/// </summary>
[Integration("root on Debian or Ubuntu (the install path; apt-get is a fake here)")]
public sealed class InstallPathTests : IDisposable
{
    private const string Install = "noninteractive install -y --no-install-recommends shellcheck";

    private readonly FakeBin _bin = new();
    private readonly BuildProcess _build = new();

    public InstallPathTests()
    {
        _build.Environment["PATH"] = _bin.Path;

        // Lint needs terraform too, which apt-get does not install: a stub stands in.
        _bin.Script("terraform", "exit 0");
    }

    private string Calls => Path.Combine(_bin.Path, "apt-get.calls");

    public void Dispose()
    {
        _build.Dispose();
        _bin.Dispose();
    }

    [Fact]
    public void Missing_shellcheck_is_installed_with_apt_get_in_one_line_and_the_next_run_installs_nothing()
    {
        RequireInstallPath();
        FakeAptGet(install: $"/bin/echo '#!/bin/sh' > {_bin.Path}/shellcheck; /bin/chmod +x {_bin.Path}/shellcheck");

        var first = _build.Run("--target", "Lint");

        Assert.Equal([Install], AptCalls());
        Assert.Matches(@"^Prerequisites: installed shellcheck with apt-get \(\d+\.\d+ s\)$", Assert.Single(first.OutputLines, line => line.StartsWith("Prerequisites: installed", StringComparison.Ordinal)));
        Assert.Contains(first.OutputLines, line => line.StartsWith("Prerequisites: 3 checked, all present (", StringComparison.Ordinal));
        Assert.Equal("Succeeded", PrerequisitesStatus());

        var second = _build.Run("--target", "Lint");

        Assert.Equal([Install], AptCalls());
        Assert.DoesNotContain(second.OutputLines, line => line.StartsWith("Prerequisites: installed", StringComparison.Ordinal));
        Assert.Contains(second.OutputLines, line => line.StartsWith("Prerequisites: 3 checked, all present (", StringComparison.Ordinal));
    }

    [Fact]
    public void An_install_that_fails_for_lack_of_package_lists_updates_them_and_installs_again()
    {
        RequireInstallPath();
        var updated = Path.Combine(_bin.Path, "updated");
        FakeAptGet(
            install: $"[ -f {updated} ] || {{ /bin/echo 'E: Unable to locate package shellcheck'; exit 100; }}; /bin/echo '#!/bin/sh' > {_bin.Path}/shellcheck; /bin/chmod +x {_bin.Path}/shellcheck",
            update: $"/bin/echo > {updated}");

        var run = _build.Run("--target", "Lint");

        string[] expected = AptGet.HasPackageLists() ? [Install, "noninteractive update", Install] : ["noninteractive update", Install];
        Assert.Equal(expected, AptCalls());
        Assert.Single(run.OutputLines, line => line.StartsWith("Prerequisites: updated apt's package lists with apt-get update (", StringComparison.Ordinal));
        Assert.Single(run.OutputLines, line => line.StartsWith("Prerequisites: installed shellcheck with apt-get (", StringComparison.Ordinal));
        Assert.Equal("Succeeded", PrerequisitesStatus());
    }

    [Fact]
    public void A_failing_install_fails_the_task_in_one_line_before_any_other_task()
    {
        RequireInstallPath();
        FakeAptGet(install: "/bin/echo 'E: Sub-process /usr/bin/dpkg returned an error code (1)'; exit 100");

        var run = _build.Run("--target", "Lint");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            "Error: Prerequisites: apt-get install -y --no-install-recommends shellcheck failed (exit 100): E: Sub-process /usr/bin/dpkg returned an error code (1)",
            run.ErrorLines[^1]);
        Assert.Equal([("Prerequisites", "Failed")], BuildReportJson.Read(_build.Artifacts).Tasks);
    }

    private static void RequireInstallPath()
    {
        var machine = MachineFacts.Detect(Environment.GetEnvironmentVariable);
        Assert.True(machine.HasApt, $"The install path is for Debian or Ubuntu; this is {machine.Release?.PrettyName ?? machine.Platform.ToString()}.");
        Assert.True(machine.IsRoot, "The install path test runs the build as root (CI does): as another user apt-get runs through 'sudo -n', which resets PATH, so the real apt-get would run instead of the fake.");
    }

    private void FakeAptGet(string install, string update = "true") =>
        _bin.Script("apt-get", $"""
            /bin/echo "$DEBIAN_FRONTEND $*" >> {Calls}
            case "$1" in
              install) {install} ;;
              update) {update} ;;
            esac
            """);

    private string[] AptCalls() => File.Exists(Calls) ? File.ReadAllLines(Calls) : [];

    private string PrerequisitesStatus() =>
        BuildReportJson.Read(_build.Artifacts).Tasks.Single(task => task.Name == "Prerequisites").Status;
}
