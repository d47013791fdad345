namespace Build.Tools.Aws;

/// <summary>An AWS call that failed with an error answer; the message is one line: what failed, why, what to do.</summary>
public class AwsServiceException : Exception
{
    public AwsServiceException(string message)
        : base(message)
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AwsServiceException(string message, string operation, AwsError error)
        : base(message)
    {
        Operation = operation;
        Error = error;
    }

    /// <summary>Gets the operation, e.g. "ECR DescribeImages".</summary>
    public string Operation { get; } = "";

    /// <summary>Gets the error AWS answered with (code, message, HTTP status); null for a transport failure.</summary>
    public AwsError? Error { get; }

    public string? ErrorCode => Error?.Code;
}
