namespace Build.Tools.Aws.Ecs;

/// <summary>The cluster does not exist (ClusterNotFoundException).</summary>
public sealed class EcsClusterNotFoundException : AwsServiceException
{
    public EcsClusterNotFoundException(string message, string operation, AwsError error)
        : base(message, operation, error)
    {
    }
}
