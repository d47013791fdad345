namespace Build.Tools.Aws.Ecs;

/// <summary>The service does not exist in the cluster, or is not ACTIVE (ServiceNotFoundException, ServiceNotActiveException, a MISSING failure).</summary>
public sealed class EcsServiceNotFoundException : AwsServiceException
{
    public EcsServiceNotFoundException(string message, string operation, AwsError error)
        : base(message, operation, error)
    {
    }
}
