namespace Build.Core.Prerequisites;

/// <summary>
/// What one stage needs from the machine (tools, a running engine or registry), declared in the stage's folder next
/// to its task and read by the Prerequisites task for the tasks this run executes. Read after Setup: the context has
/// its parameters, environment and target.
/// </summary>
public interface IStageTools
{
    /// <summary>Gets the task class whose run needs these.</summary>
    Type TaskType { get; }

    /// <summary>What the task needs for this run's parameters (none when it will be skipped).</summary>
    IEnumerable<Prerequisite> Needs(BuildContext context);
}
