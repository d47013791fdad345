using Cake.Core;

namespace Cake.Frosting.Scheduling;

/// <summary>A task of the plan with what the scheduler needs: its dependencies within the plan, resources, and whether it runs alone.</summary>
internal sealed record ScheduledTask(CakeTask Task, IReadOnlySet<string> Dependencies, IReadOnlySet<string> Resources, bool RunsAlone)
{
    public string Name => Task.Name;
}
