namespace Build.Core.Prerequisites;

/// <summary>The union of what the scheduled tasks need, each once, in <see cref="PrerequisiteKind"/> order.</summary>
public static class PrerequisiteNeeds
{
    public static IReadOnlyList<Prerequisite> Of(IEnumerable<IStageTools> tools, IEnumerable<Type> tasks, BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(tasks);
        var all = tools.ToList();
        return [.. tasks
            .SelectMany(task => all.Where(tool => tool.TaskType == task))
            .SelectMany(tool => tool.Needs(context))
            .Distinct()
            .OrderBy(need => need.Kind)
            .ThenBy(need => need.Address, StringComparer.Ordinal)];
    }
}
