namespace Build.Stages.Deploy.Ecs;

/// <summary>An interrupt (Ctrl-C, SIGTERM) during a pre-deploy task: the task was stopped and the service never updated; the message says so.</summary>
public sealed class EcsPreDeployInterruptedException : OperationCanceledException
{
    public EcsPreDeployInterruptedException(string message, CancellationToken token)
        : base(message, token)
    {
    }
}
