using Cake.Core;
using Cake.Core.Graph;

namespace Cake.Frosting.Internal;

/// <summary>The task classes a run executes, in Cake's order: the target's dependency graph, or the target alone with --exclusive.</summary>
internal static class RunPlan
{
    public static IReadOnlyList<Type> Of(ICakeEngine engine, IEnumerable<IFrostingTask> tasks, string target, bool exclusive)
    {
        var byName = tasks.ToDictionary(task => TaskNames.Of(task.GetType()), task => task.GetType(), StringComparer.OrdinalIgnoreCase);
        var names = exclusive ? [target] : CakeGraphBuilder.Build([.. engine.Tasks]).Traverse(target);
        return [.. names.Select(name => byName[name])];
    }
}
