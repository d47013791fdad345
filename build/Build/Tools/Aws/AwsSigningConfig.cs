using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace Build.Tools.Aws;

/// <summary>
/// The SDK client configuration the SDK's SigV4 signer and credential resolver read: signing region and service
/// name, endpoint. No SDK service client is built on it (AWSSDK.ECR/ECS are not in the feed).
/// </summary>
internal sealed class AwsSigningConfig : ClientConfig
{
    private static readonly DefaultConfiguration Standard = new() { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard };

    public AwsSigningConfig(AwsService service, string region, Uri endpoint)
        : base(new DefaultConfigurationProvider([Standard]))
    {
        ServiceName = service.SigningName;
        AuthenticationServiceName = service.SigningName;
        AuthenticationRegion = region;
        ServiceURL = endpoint.AbsoluteUri;
    }

    public override string ServiceVersion => "build";

    public override string UserAgent => AwsJsonClient.UserAgent;

    public override string RegionEndpointServiceName => ServiceName;

    private string ServiceName { get; }

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new(ServiceURL);
}
