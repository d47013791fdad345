namespace Build.Tools.Aws;

/// <summary>
/// What the build needs to know about one AWS JSON-1.1 service: its signing name, the host of its regional
/// endpoint, the variable that overrides that endpoint and the prefix of its <c>X-Amz-Target</c> header.
/// </summary>
public sealed record AwsService(string DisplayName, string SigningName, string EndpointPrefix, string EndpointVariable, string TargetPrefix)
{
    public static readonly AwsService Ecr = new("ECR", "ecr", "api.ecr", AwsEnvironmentVariables.EndpointUrlEcr, "AmazonEC2ContainerRegistry_V20150921");

    public static readonly AwsService Ecs = new("ECS", "ecs", "ecs", AwsEnvironmentVariables.EndpointUrlEcs, "AmazonEC2ContainerServiceV20141113");

    public static readonly AwsService Ssm = new("SSM", "ssm", "ssm", AwsEnvironmentVariables.EndpointUrlSsm, "AmazonSSM");
}
