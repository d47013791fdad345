using Build.Tests.Support;

namespace Build.Tests.Bootstrap;

/// <summary>
/// What a person sees while the bootstrappers (re)build the build app: one line saying so first, on standard error, then
/// "Still building the build app: N s" every 10 s, and none of MSBuild's "Build succeeded / 0 Warning(s) / Time Elapsed"
/// summary; when the build app does not compile, the compiler's errors and the scripts' one-line verdict. build.sh and
/// build.ps1 alike.
/// </summary>
[Integration("PowerShell 7 (.NET tool)")]
public sealed class BootstrapProgressTests : IDisposable
{
    public const string BuildingLine = "Building the build app (first run or build/ changed, ~1-2 min)...";

    public const string ToolsLine = "Restoring the pinned .NET tools (first run or .config/dotnet-tools.json changed)...";

    private readonly BootstrapCopy _copy = new();

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void A_rebuild_says_so_first_and_prints_no_msbuild_summary_through_both_scripts()
    {
        var sh = _copy.Sh("--tree");
        _copy.EditVersionDescription("[edit P]");
        var ps1 = _copy.Ps1("--tree");

        // The copy has no .build/ yet: its first run restores the tools too.
        Assert.Equal([ToolsLine, BuildingLine], WithoutHeartbeat(sh));
        Assert.Equal([BuildingLine], WithoutHeartbeat(ps1));
        Assert.All(sh.ErrorLines.Concat(ps1.ErrorLines).Where(IsHeartbeat), line => Assert.Matches(@"^Still building the build app: [1-9]\d*0 s$", line));
        foreach (var run in new[] { sh, ps1 })
        {
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.DoesNotContain("Build succeeded", run.All, StringComparison.Ordinal);
            Assert.DoesNotContain("Time Elapsed", run.All, StringComparison.Ordinal);
            Assert.DoesNotContain("Warning(s)", run.All, StringComparison.Ordinal);
            Assert.Contains("Default", run.OutputLines);
        }

        // Built already: nothing is said.
        var again = _copy.Sh("--tree");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("", again.Error);
    }

    [Fact]
    public void A_build_app_that_does_not_compile_shows_the_compiler_errors_through_both_scripts()
    {
        File.WriteAllText(_copy.PathOf("build/Build/Broken.cs"), "namespace Build;\n\npublic static class Broken\n{\n    public static int Value => Missing;\n}\n");

        var sh = _copy.Sh("--tree");
        var ps1 = _copy.Ps1("--tree");

        Assert.True(sh.ExitCode == 1, sh.ToString());
        Assert.True(ps1.ExitCode == 1, ps1.ToString());
        Assert.Equal([ToolsLine, BuildingLine], WithoutHeartbeat(sh).Take(2));
        Assert.Equal(BuildingLine, ps1.ErrorLines[0]);
        Assert.Contains(sh.ErrorLines, line => line.Contains("Broken.cs(5,32): error CS0103", StringComparison.Ordinal));
        Assert.Contains(ps1.ErrorLines, line => line.Contains("Broken.cs(5,32): error CS0103", StringComparison.Ordinal));
        Assert.Equal("build.sh: the build project does not compile; see the errors above.", sh.ErrorLines[^1]);
        Assert.Equal("build.ps1: the build project does not compile; see the errors above.", ps1.ErrorLines[^1]);
        Assert.Null(_copy.Stamp);
    }

    private static bool IsHeartbeat(string line) => line.StartsWith("Still building the build app: ", StringComparison.Ordinal);

    private static List<string> WithoutHeartbeat(BuildProcessRun run) => [.. run.ErrorLines.Where(line => !IsHeartbeat(line))];
}
