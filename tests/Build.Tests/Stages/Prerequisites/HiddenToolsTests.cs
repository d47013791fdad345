using Build.Core.Prerequisites;
using Build.Stages.Prerequisites;
using Build.Tests.EndToEnd;
using Build.Tests.Support;
using Build.Tools.Machine;

namespace Build.Tests.Stages.Prerequisites;

/// <summary>
/// The real build with every tool but dotnet and git hidden from PATH: what Prerequisites says, and that it stops the
/// run before any other task. Needs nothing but the .NET SDK and git.
/// </summary>
public sealed class HiddenToolsTests : IDisposable
{
    private readonly FakeBin _bin = new();
    private readonly BuildProcess _build = new();

    public HiddenToolsTests() => _build.Environment["PATH"] = _bin.Path;

    public void Dispose()
    {
        _build.Dispose();
        _bin.Dispose();
    }

    [Fact]
    public void With_no_install_each_missing_tool_gets_one_line_with_its_install_command_and_no_later_task_runs()
    {
        var run = _build.Run("--target", "Lint", "--no-install");

        Assert.True(run.ExitCode == 1, run.ToString());
        var machine = MachineFacts.Detect(Environment.GetEnvironmentVariable);
        var lines = run.All.Split('\n').Where(line => line.StartsWith("Prerequisites: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                $"Prerequisites: shellcheck is missing (not on PATH); install it: {InstallAdvice.InstallCommand(Prerequisite.Shellcheck, machine)}",
                $"Prerequisites: terraform is missing (not on PATH); install it: {InstallAdvice.InstallCommand(Prerequisite.Terraform, machine)}",
            ],
            lines.Where(line => line.Contains(" is missing ", StringComparison.Ordinal)));
        Assert.Single(lines, line => line.StartsWith("Prerequisites: terraform AWS provider: ", StringComparison.Ordinal));
        if (machine.HasApt)
        {
            Assert.Single(lines, line => line.StartsWith("Prerequisites: shellcheck ", StringComparison.Ordinal) && line.EndsWith("apt-get install -y shellcheck", StringComparison.Ordinal));
            Assert.Single(lines, line => line.StartsWith("Prerequisites: terraform is missing", StringComparison.Ordinal) && line.Contains("https://apt.releases.hashicorp.com", StringComparison.Ordinal));
        }

        Assert.Equal("Error: 2 prerequisites missing: shellcheck, terraform (nothing installed: --no-install); see the lines above", run.ErrorLines[^1]);
        Assert.Equal([("Prerequisites", "Failed")], BuildReportJson.Read(_build.Artifacts).Tasks);
        Assert.DoesNotContain("dotnet format", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_install_missing_PowerShell_for_the_tests_gets_its_dotnet_tool_install_command()
    {
        var run = _build.Run("--target", "Test", "--no-install");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(
            run.All.Split('\n'),
            "Prerequisites: PowerShell is missing (not in .build/tools/pwsh, not on PATH); install it: dotnet tool install PowerShell --version 7.6.9 --tool-path .build/tools/pwsh (in the repository root)");
        Assert.Contains("PowerShell", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.False(Directory.Exists(_build.Path(".build", "tools")));
    }

    [Fact]
    public void What_is_there_is_checked_in_one_line_with_its_time()
    {
        var run = _build.Run("--target", "Version", "--no-install");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"^Prerequisites: 1 checked, all present \(\d+\.\d+ s\)$", Assert.Single(run.OutputLines, line => line.StartsWith("Prerequisites:", StringComparison.Ordinal)));
        Assert.Equal([("Prerequisites", "Succeeded"), ("Version", "Succeeded")], BuildReportJson.Read(_build.Artifacts).Tasks);
    }

    [Fact]
    public void A_run_whose_tasks_need_no_tool_says_so()
    {
        // Restore itself fails on the empty App.sln of the temporary checkout; Prerequisites ran before it.
        var run = _build.Run("--target", "Restore");

        Assert.Equal("Succeeded", BuildReportJson.Read(_build.Artifacts).Tasks.Single(task => task.Name == "Prerequisites").Status);
        Assert.Matches(@"^Prerequisites: this run's tasks need nothing besides the \.NET SDK \(\d+\.\d+ s\)$", Assert.Single(run.OutputLines, line => line.StartsWith("Prerequisites:", StringComparison.Ordinal)));
    }
}
