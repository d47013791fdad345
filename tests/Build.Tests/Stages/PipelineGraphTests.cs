using System.Text.RegularExpressions;
using Build.Tests.Support;

namespace Build.Tests.Stages;

/// <summary>The chain the README promises is the one the graph runs: nothing is pushed or deployed before every gate.</summary>
public sealed partial class PipelineGraphTests : IDisposable
{
    private static readonly string[] Gates = ["Lint", "Test", "Coverage", "Accessibility", "ImageScan"];

    private readonly BuildProcess _build = new();

    public void Dispose() => _build.Dispose();

    [Theory]
    [InlineData("Push")]
    [InlineData("Deploy")]
    [InlineData("Default")]
    public void Every_gate_runs_before_the_push_and_the_push_and_apply_before_the_deploy(string target)
    {
        var order = DryRun(target);

        Assert.Equal("Prerequisites", order[0]);
        var push = order.IndexOf("Push");
        Assert.True(push > 0, string.Join(", ", order));
        Assert.All(Gates, gate => Assert.InRange(order.IndexOf(gate), 0, push - 1));
        Assert.InRange(order.IndexOf("TerraformValidate"), 0, order.IndexOf("Lint") - 1);
        if (target != "Push")
        {
            // Plan and Apply (between them in the graph, see the tree) skip the local environment: a dry run leaves them out.
            Assert.Equal(push + 1, order.IndexOf("Deploy"));
        }

        Assert.Equal(target, order[^1]);
    }

    [Fact]
    public void The_tree_shows_the_same_chain_with_terraform_validate_under_lint()
    {
        var run = _build.Run("--tree");

        Assert.True(run.ExitCode == 0, run.ToString());
        var tree = run.Output.ReplaceLineEndings("\n");
        Assert.Contains("Default\n└─Deploy\n  ├─Push\n", tree, StringComparison.Ordinal);
        Assert.Matches(@"├─Lint\n[ │]*[├└]─TerraformValidate\n", tree);
        Assert.Matches(@"\n  └─Apply\n[ │]*└─Plan\n", tree);
    }

    private List<string> DryRun(string target)
    {
        var run = _build.Run("--target", target, "--dryrun");
        Assert.True(run.ExitCode == 0, run.ToString());
        return [.. StepLine().Matches(run.Output).Select(match => match.Groups["task"].Value)];
    }

    [GeneratedRegex(@"^\d+\. (?<task>\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex StepLine();
}
