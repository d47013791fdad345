namespace Build.Deploy;

/// <summary>The new container did not prove itself (exited, no /health within the timeout, a smoke check failed): the deploy rolls back.</summary>
public sealed class DeployCheckFailedException : Exception
{
    public DeployCheckFailedException()
    {
    }

    public DeployCheckFailedException(string message)
        : base(message)
    {
    }

    public DeployCheckFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
