namespace Build.Tools.Aws;

/// <summary>The standard AWS variables the build reads itself (credentials and profiles are read by the SDK).</summary>
public static class AwsEnvironmentVariables
{
    public const string Region = "AWS_REGION";
    public const string DefaultRegion = "AWS_DEFAULT_REGION";
    public const string EndpointUrl = "AWS_ENDPOINT_URL";
    public const string EndpointUrlEcr = "AWS_ENDPOINT_URL_ECR";
    public const string EndpointUrlEcs = "AWS_ENDPOINT_URL_ECS";
    public const string EndpointUrlSsm = "AWS_ENDPOINT_URL_SSM";
    public const string IgnoreConfiguredEndpointUrls = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";
    public const string MaxAttempts = "AWS_MAX_ATTEMPTS";
    public const string Profile = "AWS_PROFILE";
}
