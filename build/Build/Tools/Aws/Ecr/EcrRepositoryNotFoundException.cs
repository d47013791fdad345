namespace Build.Tools.Aws.Ecr;

/// <summary>The ECR repository does not exist (RepositoryNotFoundException).</summary>
public sealed class EcrRepositoryNotFoundException : AwsServiceException
{
    public EcrRepositoryNotFoundException(string message, string operation, AwsError error)
        : base(message, operation, error)
    {
    }
}
