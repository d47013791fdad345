namespace Build.Tools.Aws.Ecr;

/// <summary>The image is not in the ECR repository (ImageNotFoundException or a BatchGetImage failure).</summary>
public sealed class EcrImageNotFoundException : AwsServiceException
{
    public EcrImageNotFoundException(string message, string operation, AwsError error)
        : base(message, operation, error)
    {
    }
}
