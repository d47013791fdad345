namespace Build.Core.Incremental;

/// <summary>
/// A task that may be skipped when what it reads is unchanged since it last succeeded on this machine (and what it
/// left is still there): <see cref="UnchangedTaskSkipper"/> hashes <see cref="Inputs"/> before the task would run.
/// </summary>
public interface IIncrementalTask
{
    /// <summary>Everything the task's result depends on: files, parameters, tool versions, upstream results.</summary>
    TaskInputs Inputs(BuildContext context);

    /// <summary>The files it leaves in the artifacts folder (relative paths, '*' and '**' allowed), brought back when it is skipped.</summary>
    IReadOnlyList<string> ArtifactOutputs { get; }

    /// <summary>Whatever else it left (an image in the engine) is still there; false runs the task.</summary>
    bool OutputsExist(BuildContext context);

    /// <summary>Publishes, for the tasks after it, what its last successful run published (its gate, its result).</summary>
    void Restore(BuildContext context);
}
