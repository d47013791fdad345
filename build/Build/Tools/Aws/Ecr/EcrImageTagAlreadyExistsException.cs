namespace Build.Tools.Aws.Ecr;

/// <summary>An immutable tag already names another image (ImageTagAlreadyExistsException); tags are never moved.</summary>
public sealed class EcrImageTagAlreadyExistsException : AwsServiceException
{
    public EcrImageTagAlreadyExistsException(string message, string operation, AwsError error)
        : base(message, operation, error)
    {
    }
}
