namespace Cake.Frosting;

/// <summary>
/// The task the calling code runs for (null outside tasks: Setup, Teardown, the host). Tasks may run at the same time,
/// so "the task that is running" is the one whose flow this is: what a task's lifetime and report code use to keep
/// each task's state apart.
/// </summary>
public sealed class TaskRun
{
    private static readonly AsyncLocal<TaskRun?> CurrentRun = new();

    internal TaskRun(string name) => Name = name;

    public static TaskRun? Current => CurrentRun.Value;

    public string Name { get; }

    /// <summary>Gets why the task did not run (a criteria's message, or the skipper's reason); null when it ran.</summary>
    public string? SkipReason { get; internal set; }

    internal static void Enter(TaskRun run) => CurrentRun.Value = run;
}
