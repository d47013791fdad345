namespace Build.Tools.Aws;

/// <summary>A throttled, unavailable or unreachable AWS call that still failed after the last allowed attempt.</summary>
public sealed class AwsRetriesExhaustedException : AwsServiceException
{
    public AwsRetriesExhaustedException(string message, string operation, AwsError error, int attempts)
        : base(message, operation, error)
    {
        Attempts = attempts;
    }

    /// <summary>Gets how many calls were made, the first included.</summary>
    public int Attempts { get; }
}
