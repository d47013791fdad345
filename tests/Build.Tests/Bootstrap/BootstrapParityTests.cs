using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Build.Tests.Support;

namespace Build.Tests.Bootstrap;

/// <summary>One copy of the repository, built once by build.sh, that every test of <see cref="BootstrapParityTests"/> reads.</summary>
public sealed class BuiltBootstrapCopy : IDisposable
{
    public BuiltBootstrapCopy()
    {
        var first = Copy.Sh("--tree");
        Assert.True(first.ExitCode == 0, first.ToString());
        Stamp = Copy.Stamp;
        BuiltAt = Copy.BuiltAt;
    }

    public BootstrapCopy Copy { get; } = new();

    /// <summary>Gets the build stamp build.sh wrote.</summary>
    public string? Stamp { get; }

    /// <summary>Gets when build.sh's build wrote Build.dll.</summary>
    public DateTime BuiltAt { get; }

    public void Dispose() => Copy.Dispose();
}

/// <summary>
/// build.ps1 through PowerShell 7 against build.sh through bash, in one copy of the repository that build.sh built:
/// build.ps1 runs that build as it is, and both give the same output and exit code for the same arguments.
/// </summary>
[Integration("PowerShell 7 (.NET tool)")]
public sealed partial class BootstrapParityTests(BuiltBootstrapCopy built) : IClassFixture<BuiltBootstrapCopy>
{
    private BootstrapCopy Copy => built.Copy;

    [Fact]
    public void Build_ps1_runs_the_build_that_build_sh_made_without_rebuilding_since_both_keep_one_stamp()
    {
        Assert.Equal(Copy.Fingerprint(), built.Stamp);

        var run = Copy.Ps1("--tree");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("Build succeeded", run.All, StringComparison.Ordinal);
        Assert.Equal(built.BuiltAt, Copy.BuiltAt);
        Assert.Equal(built.Stamp, Copy.Stamp);
        Assert.False(File.Exists(Copy.PathOf(".build/bin/.fingerprint-ps1")));
    }

    [Fact]
    public void Help_names_the_script_it_was_started_from()
    {
        var sh = Copy.Sh("--help");
        var ps1 = Copy.Ps1("--help");

        Assert.StartsWith("Usage: ./build.sh [<target>]", sh.Output, StringComparison.Ordinal);
        Assert.StartsWith("Usage: ./build.ps1 [<target>]", ps1.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tree_is_the_same_through_both_and_shows_the_dependee_edges()
    {
        var sh = Copy.Sh("--tree");
        var ps1 = Copy.Ps1("--tree");

        Assert.True(sh.ExitCode == 0, sh.ToString());
        Assert.Equal((sh.ExitCode, sh.Output, sh.Error), (ps1.ExitCode, ps1.Output, ps1.Error));

        // TerraformValidate joins Lint's dependencies through [IsDependeeOf(typeof(LintTask))].
        var lines = ps1.OutputLines.ToList();
        var lint = lines.IndexOf("  │ ├─Lint");
        Assert.True(lint >= 0, ps1.ToString());
        Assert.Equal(["  │ │ ├─TerraformValidate", "  │ │ │ └─Prerequisites", "  │ │ └─Restore"], lines.Skip(lint + 1).Take(3));
        Assert.Contains("Default", lines);
    }

    [Fact]
    public void An_unknown_target_is_the_same_one_line_usage_error_with_exit_code_2()
    {
        var sh = Copy.Sh("--target", "Nope");
        var ps1 = Copy.Ps1("--target", "Nope");

        Assert.Equal((sh.ExitCode, sh.Output, sh.Error), (ps1.ExitCode, ps1.Output, ps1.Error));
        Assert.True(ps1.ExitCode == 2, ps1.ToString());
        Assert.StartsWith("Error: unknown target 'Nope'. Available targets: Accessibility, ", Assert.Single(ps1.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("", ps1.Output);
    }

    [Fact]
    public void Arguments_with_spaces_quotes_and_shell_characters_reach_the_build_intact()
    {
        // The build echoes a parameter's values when it is given twice with different ones.
        string[] values = ["/a b,/c'd", "x \"y\" $HOME `date` \\n * ;&| é€ -z"];

        var sh = Copy.Sh("--target", "Version", "--a11y-paths", values[0], "--a11y-paths", values[1]);
        var ps1 = Copy.Ps1("--target", "Version", "--a11y-paths", values[0], "--a11y-paths", values[1]);

        Assert.Equal((sh.ExitCode, sh.Output, sh.Error), (ps1.ExitCode, ps1.Output, ps1.Error));
        Assert.True(ps1.ExitCode == 2, ps1.ToString());
        Assert.Equal($"Error: --a11y-paths is given 2 times with different values ('{values[0]}', '{values[1]}'): give it once.", Assert.Single(ps1.ErrorLines));
    }

    [Fact]
    public void The_Version_target_runs_the_same_through_both()
    {
        var sh = Fresh(Copy.Sh);
        var ps1 = Fresh(Copy.Ps1);

        Assert.True(sh.ExitCode == 0, sh.ToString());
        Assert.Equal((sh.ExitCode, Timeless(sh.Output), sh.Error), (ps1.ExitCode, Timeless(ps1.Output), ps1.Error));
        Assert.Contains("Version 0.0.0-alpha.0.1 (", ps1.Output, StringComparison.Ordinal);
        Assert.Contains(ps1.OutputLines, line => line.StartsWith("Prerequisites: 1 checked, all present (", StringComparison.Ordinal));
        Assert.True(File.Exists(Copy.PathOf("artifacts/version.json")));
    }

    [Fact]
    public void Both_write_the_same_lower_case_tools_stamp()
    {
        var stamp = Copy.PathOf(".build/tools.sha256");
        var expected = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Copy.PathOf(".config/dotnet-tools.json"))));

        File.Delete(stamp);
        Assert.Equal(0, Copy.Ps1("--tree").ExitCode);
        var ps1 = File.ReadAllText(stamp);
        File.Delete(stamp);
        Assert.Equal(0, Copy.Sh("--tree").ExitCode);
        var sh = File.ReadAllText(stamp);

        Assert.Equal(expected, ps1);
        Assert.Equal(expected, sh);
    }

    // Each run starts without artifacts, so neither says it moved the other's away.
    private BuildProcessRun Fresh(Func<string[], BuildProcessRun> script)
    {
        if (Directory.Exists(Copy.PathOf("artifacts")))
        {
            Directory.Delete(Copy.PathOf("artifacts"), recursive: true);
        }

        return script(["--target", "Version"]);
    }

    private static string Timeless(string output) => Seconds().Replace(Duration().Replace(output, "0.0s"), "(n s)");

    [GeneratedRegex(@"\b(\d+h \d\dm|\d+m \d\ds|\d+\.\ds)\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\(\d+\.\d+ s\)")]
    private static partial Regex Seconds();
}
