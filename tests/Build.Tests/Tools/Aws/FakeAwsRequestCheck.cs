using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Build.Tests.Tools.Aws;

/// <summary>
/// How AWS refuses a JSON 1.1 request before it reaches the operation, for the fakes of ECR and ECS: the protocol
/// (POST /, application/x-amz-json-1.1), the SigV4 Authorization header (key, scope, signed headers, clock skew,
/// signature) and, when the fake has one, the session token. Null when the request may be served.
/// </summary>
internal sealed partial class FakeAwsRequestCheck(string service, string region, string accessKey, string secretKey)
{
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets the session token requests must carry (and sign); null: none.</summary>
    public string? SessionToken { get; set; }

    public (int Status, string Body, string Reason)? Refusal(HttpListenerRequest request, Dictionary<string, string> headers, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(headers);
        if (request.HttpMethod != "POST" || request.Url?.AbsolutePath != "/")
        {
            return (404, Error("UnknownOperationException", $"{request.HttpMethod} {request.Url?.AbsolutePath} is not how JSON 1.1 is called"), "protocol");
        }

        if (headers.GetValueOrDefault("content-type") != "application/x-amz-json-1.1")
        {
            return (400, Error("SerializationException", $"Content-Type '{headers.GetValueOrDefault("content-type")}' is not application/x-amz-json-1.1"), "protocol");
        }

        if (!headers.TryGetValue("authorization", out var authorization))
        {
            return (403, Error("MissingAuthenticationTokenException", "Missing Authentication Token"), "authentication");
        }

        var match = AuthorizationHeader().Match(authorization);
        if (!match.Success || !headers.TryGetValue("x-amz-date", out var amzDate))
        {
            return (400, Error("IncompleteSignatureException", "Authorization header requires 'Credential', 'Signature', 'SignedHeaders' parameters and X-Amz-Date"), "signature");
        }

        if (match.Groups["key"].Value != accessKey)
        {
            return (400, Error("UnrecognizedClientException", "The security token included in the request is invalid."), "authentication");
        }

        var signed = match.Groups["signed"].Value.Split(';');
        if (ScopeProblem(match, amzDate, signed, headers) is { } problem)
        {
            return (400, Error("InvalidSignatureException", problem), "signature");
        }

        if (SessionToken is not null && (headers.GetValueOrDefault("x-amz-security-token") != SessionToken || !signed.Contains("x-amz-security-token")))
        {
            return (400, Error("UnrecognizedClientException", "The security token included in the request is invalid."), "authentication");
        }

        var expected = SigV4.Signature(secretKey, "POST", "/", "", headers, signed, body, amzDate, region, service);
        return expected == match.Groups["signature"].Value
            ? null
            : (400, Error("InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."), "signature");
    }

    public static string Error(string code, string message) => new JsonObject { ["__type"] = code, ["message"] = message }.ToJsonString();

    private string? ScopeProblem(Match match, string amzDate, string[] signed, Dictionary<string, string> headers)
    {
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || (DateTimeOffset.UtcNow - signedAt).Duration() > AllowedClockSkew)
        {
            return $"Signature expired or X-Amz-Date '{amzDate}' unreadable.";
        }

        if (match.Groups["date"].Value != amzDate[..8] || match.Groups["region"].Value != region || match.Groups["service"].Value != service)
        {
            return $"Credential should be scoped to a valid region and service: expected {amzDate[..8]}/{region}/{service}.";
        }

        var required = new[] { "host", "x-amz-date", "x-amz-target", "content-type" };
        if (required.FirstOrDefault(name => !signed.Contains(name)) is { } unsigned)
        {
            return $"'{unsigned}' must be a signed header.";
        }

        return signed.FirstOrDefault(name => !headers.ContainsKey(name)) is { } missing ? $"Signed header '{missing}' is not in the request." : null;
    }

    [GeneratedRegex("^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>[0-9]{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationHeader();
}
