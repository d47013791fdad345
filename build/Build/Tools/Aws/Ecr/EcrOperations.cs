namespace Build.Tools.Aws.Ecr;

/// <summary>The ECR operations the build calls (the part after the dot of X-Amz-Target).</summary>
public static class EcrOperations
{
    public const string GetAuthorizationToken = nameof(GetAuthorizationToken);
    public const string DescribeRepositories = nameof(DescribeRepositories);
    public const string DescribeImages = nameof(DescribeImages);
    public const string DescribeImageScanFindings = nameof(DescribeImageScanFindings);
    public const string BatchGetImage = nameof(BatchGetImage);
    public const string PutImage = nameof(PutImage);
}
