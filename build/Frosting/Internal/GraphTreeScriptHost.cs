using Cake.Core;
using Cake.Core.Graph;
using Cake.Core.Scripting;

namespace Cake.Frosting.Internal;

/// <summary>
/// <c>--tree</c>: every task nothing depends on, with what runs before it, from the same graph the run uses. Cake's own
/// tree walks <c>[IsDependentOn]</c> only and leaves out <c>[IsDependeeOf]</c> edges (TerraformValidate before Lint), so
/// the printed chain was not the one that runs.
/// </summary>
internal sealed class GraphTreeScriptHost(ICakeEngine engine, ICakeContext context, IConsole console) : ScriptHost(engine, context)
{
    public override System.Threading.Tasks.Task<CakeReport> RunTargetAsync(string target) => RunTargetsAsync([target]);

    public override System.Threading.Tasks.Task<CakeReport> RunTargetsAsync(IEnumerable<string> targets)
    {
        var graph = CakeGraphBuilder.Build([.. Engine.Tasks]);
        var dependencies = graph.Nodes.ToDictionary(
            node => node,
            node => graph.Edges.Where(edge => edge.End.Equals(node, StringComparison.OrdinalIgnoreCase)).Select(edge => edge.Start).ToList(),
            StringComparer.OrdinalIgnoreCase);
        var roots = Engine.Tasks.Select(task => task.Name)
            .Where(name => !graph.Edges.Any(edge => edge.Start.Equals(name, StringComparison.OrdinalIgnoreCase)));
        foreach (var root in roots)
        {
            console.WriteLine();
            console.WriteLine(root);
            Print(dependencies, dependencies[root], "");
        }

        return System.Threading.Tasks.Task.FromResult(new CakeReport());
    }

    private void Print(Dictionary<string, List<string>> dependencies, List<string> children, string indent)
    {
        for (var index = 0; index < children.Count; index++)
        {
            var last = index == children.Count - 1;
            console.WriteLine($"{indent}{(last ? "└─" : "├─")}{children[index]}");
            Print(dependencies, dependencies[children[index]], indent + (last ? "  " : "│ "));
        }
    }
}
