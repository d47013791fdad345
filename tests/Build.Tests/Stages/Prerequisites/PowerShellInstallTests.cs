using System.Diagnostics;
using Build.Core.Prerequisites;
using Build.Stages.Prerequisites;
using Build.Tests.Support;
using Build.Tools.Machine;

namespace Build.Tests.Stages.Prerequisites;

/// <summary>
/// The install path for PowerShell 7: the real dotnet tool install into a temporary checkout's .build/tools/pwsh (the
/// package from NuGet or its cache), one line with its time, then found there without installing again.
/// </summary>
[Collection(InProcessBuildGroup.Name)]
[Integration("PowerShell 7 (.NET tool) from NuGet")]
public sealed class PowerShellInstallTests : IDisposable
{
    private readonly StringWriter _log = new();
    private readonly RunContext _run;

    public PowerShellInstallTests() => _run = new RunContext(_log);

    public void Dispose()
    {
        _run.Dispose();
        _log.Dispose();
    }

    [Fact]
    public void Missing_PowerShell_is_installed_into_the_checkout_in_one_line_and_found_there_afterwards()
    {
        var context = _run.For("Test");
        var machine = MachineFacts.Detect(Environment.GetEnvironmentVariable);

        var probe = new PrerequisiteProbe(context, machine);
        var pwsh = Path.Combine(_run.Root, ".build", "tools", "pwsh", "pwsh");
        Assert.False(File.Exists(pwsh));

        // Missing as the probe finds it on a machine without pwsh on PATH.
        var missing = new PrerequisiteStatus(Prerequisite.PowerShell, PrerequisiteState.Missing, "not in .build/tools/pwsh, not on PATH");
        var provisioner = new MachineProvisioner(context, machine, new InstallDecision(true, false, "test"), probe);
        var after = Assert.Single(provisioner.Provision([missing]));

        Assert.Equal(new PrerequisiteStatus(Prerequisite.PowerShell, PrerequisiteState.Present, pwsh), after);
        Assert.Equal(["PowerShell 7.6.9"], provisioner.Done);
        Assert.Matches(
            @"^Prerequisites: installed PowerShell 7\.6\.9 into \.build/tools/pwsh with dotnet tool install \(\d+\.\d+ s\)$",
            Assert.Single(_log.ToString().Split('\n'), line => line.StartsWith("Prerequisites: ", StringComparison.Ordinal)));
        Assert.Equal("7.6.9", Version(pwsh));

        // Present now, before anything on PATH: the next run installs nothing.
        Assert.Equal(after, probe.Probe(Prerequisite.PowerShell));
        Assert.Equal(pwsh, PowerShellTool.Locate(_run.Root, Environment.GetEnvironmentVariable("PATH")));
    }

    private static string Version(string pwsh)
    {
        var start = new ProcessStartInfo(pwsh, ["-NoProfile", "-NonInteractive", "-Command", "$PSVersionTable.PSVersion.ToString()"])
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "pwsh did not answer within a minute.");
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }
}
