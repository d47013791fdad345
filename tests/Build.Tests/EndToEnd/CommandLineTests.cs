using Build.Parameters;
using Build.Tests.Support;

namespace Build.Tests.EndToEnd;

/// <summary>The real build app's command line: the target given alone, --help listing every parameter.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly BuildProcess _build = new();

    [Fact]
    public void A_target_alone_runs_like_target()
    {
        var run = _build.Run("Version", "--exclusive");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Version", BuildReportJson.Read(_build.Artifacts).Target);
    }

    [Fact]
    public void A_switch_before_the_target_does_not_take_it_as_its_value()
    {
        var run = _build.Run("--keep-artifacts", "Version", "--exclusive");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = BuildReportJson.Read(_build.Artifacts);
        Assert.Equal("Version", report.Target);
        Assert.Equal("true", report.Root.GetProperty("arguments").GetProperty("keep-artifacts").GetString());
    }

    [Theory]
    [InlineData(null, "build")]
    [InlineData("./build.sh", "./build.sh")]
    [InlineData("./build.ps1", "./build.ps1")]
    public void Help_and_usage_errors_name_the_script_the_build_was_started_from(string? script, string shown)
    {
        if (script is not null)
        {
            _build.Environment["BUILD_SCRIPT_NAME"] = script;
        }

        var help = _build.Run("--help");
        var usage = _build.Run("Clean", "Version");

        Assert.Equal($"Usage: {shown} [<target>] [options] [--<argument> <value> ...]", help.OutputLines[0]);
        Assert.Equal($"       {shown} Test is {shown} --target Test.", help.OutputLines[1]);
        Assert.Equal($"Error: Two targets given ('Clean' and 'Version'): give one ({shown} <target> or --target <target>).", Assert.Single(usage.ErrorLines));
    }

    [Fact]
    public void Help_lists_every_parameter_with_its_values_default_and_meaning()
    {
        var run = _build.Run("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.OutputLines.ToList();
        foreach (var parameter in ParameterTable.All)
        {
            var host = parameter.ToHost();
            var names = string.Join(", ", parameter.Names.Select(name => $"--{name}"));
            var at = lines.FindIndex(line => line.StartsWith($"  {names} ", StringComparison.Ordinal));
            Assert.True(at >= 0, $"--help does not list {names}:\n{run.Output}");
            Assert.EndsWith($"{host.Value ?? "a switch"}; default: {host.Default}", lines[at], StringComparison.Ordinal);
            Assert.Equal(host.Meaning, lines[at + 1].Trim());
            Assert.DoesNotContain('`', lines[at] + lines[at + 1]);
        }

        Assert.Contains("  --environment               local, dev, staging or prod; default: local", lines);
        Assert.Contains("  --vuln-scan                 required or optional; default: required when CI=true, else optional", lines);
        Assert.Contains("  --lock-wait                 0 to 86400 seconds; default: 5", lines);
        Assert.Contains("  --approve                   a switch; default: off", lines);
        Assert.False(File.Exists(Path.Combine(_build.Artifacts, "build-report.json")), "--help wrote a report");
    }

    public void Dispose() => _build.Dispose();
}
