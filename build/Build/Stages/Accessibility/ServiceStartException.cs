namespace Build.Stages.Accessibility;

/// <summary>The service to scan exited or never became healthy; carries its last lines of output.</summary>
public sealed class ServiceStartException : Exception
{
    public ServiceStartException()
    {
    }

    public ServiceStartException(string message)
        : base(message)
    {
    }

    public ServiceStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ServiceStartException(string message, IReadOnlyList<string> lastOutput)
        : base(message) => LastOutput = lastOutput;

    public IReadOnlyList<string> LastOutput { get; } = [];
}
