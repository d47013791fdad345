namespace Build.Core;

/// <summary>
/// What one stage needs before anything of the run happens, declared in the stage's folder and run by
/// <see cref="StagePreconditions"/> for each task this run executes. Every refusal comes before any preparation, so
/// a run the parameters rule out fails with exit 2 before anything calls out.
/// Both run before Setup: the context has its parameters, environment variables, secrets and log, not yet its paths,
/// version or CI adapter.
/// </summary>
public interface IStagePrecondition
{
    /// <summary>Gets the task class whose run needs this.</summary>
    Type TaskType { get; }

    /// <summary>Refuses, from the parameters alone, a run this stage cannot do (a usage error: exit 2, no report).</summary>
    void Refuse(BuildContext context);

    /// <summary>Checks, and opens for the stage's task, what the stage needs from outside (a clean tree, credentials, a repository).</summary>
    Task PrepareAsync(BuildContext context, CancellationToken cancellation);
}
