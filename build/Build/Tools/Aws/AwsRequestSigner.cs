using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Internal.Util;

namespace Build.Tools.Aws;

/// <summary>Signs a JSON-1.1 POST with the SDK's own SigV4 signer and returns every header the request must carry.</summary>
internal sealed class AwsRequestSigner(AwsService service, AwsSigningConfig config, Uri endpoint)
{
    public const string JsonContentType = "application/x-amz-json-1.1";

    private readonly AWS4Signer _signer = new();

    public IReadOnlyDictionary<string, string> Sign(string operation, byte[] body, ImmutableCredentials credentials)
    {
        var request = new DefaultRequest(new UnsignedServiceRequest(), service.SigningName)
        {
            HttpMethod = "POST",
            Endpoint = new Uri(endpoint.GetLeftPart(UriPartial.Authority)),
            ResourcePath = endpoint.AbsolutePath,
            Content = body,
        };
        request.Headers["X-Amz-Target"] = $"{service.TargetPrefix}.{operation}";
        request.Headers["Content-Type"] = JsonContentType;
        if (credentials.UseToken)
        {
            // The SDK's pipeline adds the session token before signing; outside the pipeline we do it, so it is signed too.
            request.Headers["X-Amz-Security-Token"] = credentials.Token;
        }

        var signature = _signer.SignRequest(request, config, new RequestMetrics(), credentials.AccessKey, credentials.SecretKey);
        request.Headers["Authorization"] = signature.ForAuthorizationHeader;
        return new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The SDK's request model wants an originating request object; ours carry no SDK state.</summary>
    private sealed class UnsignedServiceRequest : AmazonWebServiceRequest;
}
