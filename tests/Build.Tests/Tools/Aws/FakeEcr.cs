using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Build.Tests.Support;
using Build.Tools.Aws;

namespace Build.Tests.Tools.Aws;

/// <summary>
/// An ECR endpoint on loopback that speaks the JSON-1.1 wire protocol: routes by X-Amz-Target, checks that every
/// request is SigV4-signed for ecr in <see cref="Region"/> by recomputing the signature with <see cref="SecretKey"/>,
/// and can be scripted (throttling, expired credentials, scans that stay pending, missing repositories).
/// </summary>
public sealed partial class FakeEcr : IDisposable
{
    public const string Region = "eu-west-1";
    public const string AccountId = "123456789012";
    public const string AccessKey = "AKIAFAKEECRTEST00001";
    public const string SecretKey = "fAkE/sEcReT+kEy/for+the+fake+ECR+0123456789";
    public const string TargetPrefix = "AmazonEC2ContainerRegistry_V20150921.";
    public const string RegistryPassword = "eyJwYXlsb2FkIjoiZmFrZSByZWdpc3RyeSBwYXNzd29yZCJ9";

    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(15);

    private readonly LoopbackHttpServer _server;
    private readonly Lock _gate = new();
    private readonly List<FakeEcrRequest> _requests = [];
    private readonly Queue<(int Status, string Body)> _scriptedFailures = new();
    private readonly Dictionary<string, FakeEcrRepository> _repositories = new(StringComparer.Ordinal);

    public FakeEcr() => _server = new LoopbackHttpServer(HandleAsync);

    public static DateTimeOffset TokenExpiresAt { get; } = new(2031, 1, 2, 3, 4, 5, 250, TimeSpan.Zero);

    /// <summary>Gets the registry host of ECR's answers: the account's amazonaws.com host, or a real registry (<see cref="UseRegistry"/>).</summary>
    public string RegistryHost => _dataPlane?.Authority ?? $"{AccountId}.dkr.ecr.{Region}.amazonaws.com";

    /// <summary>Gets GetAuthorizationToken's proxyEndpoint: where docker logs in and pushes.</summary>
    public string ProxyEndpoint => _dataPlane is null ? $"https://{RegistryHost}" : $"http://{RegistryHost}";

    public Uri Endpoint => _server.BaseUrl;

    /// <summary>Gets or sets the registry password GetAuthorizationToken hands out (a wrong one makes docker login fail).</summary>
    public string IssuedPassword { get; set; } = RegistryPassword;

    /// <summary>Gets or sets the session token requests must carry (signed) in X-Amz-Security-Token; null: none.</summary>
    public string? SessionToken { get; set; }

    /// <summary>Gets or sets the most findings one DescribeImageScanFindings page holds (the client asks for up to 1000).</summary>
    public int FindingsPageSize { get; set; } = 1000;

    public IReadOnlyList<FakeEcrRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Gets how many requests carried a valid signature.</summary>
    public int VerifiedSignatures => Requests.Count(request => request.Rejection is not ("signature" or "authentication" or "protocol"));

    /// <summary>Settings that point a client at this fake, with its test keys and fast (1-5 ms) retries.</summary>
    public AwsSettings Settings(AWSCredentials? credentials = null, int maxAttempts = 4) =>
        new(Region, Endpoint)
        {
            Credentials = credentials ?? new BasicAWSCredentials(AccessKey, SecretKey),
            Retry = new AwsRetryPolicy(maxAttempts, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)),
        };

    public int CountOf(string operation) => Requests.Count(request => request.Operation == operation);

    public FakeEcrRepository AddRepository(string name, bool immutableTags = false)
    {
        var repository = new FakeEcrRepository(name, immutableTags, () => RegistryHost);
        lock (_gate)
        {
            _repositories[name] = repository;
        }

        return repository;
    }

    /// <summary>The next <paramref name="times"/> signed requests get this AWS error instead of an answer.</summary>
    public void FailNext(int times, int status, string code, string message)
    {
        var body = new JsonObject { ["__type"] = $"com.amazonaws.ecr#{code}", ["message"] = message }.ToJsonString();
        FailNextWithBody(times, status, body);
    }

    /// <summary>The next <paramref name="times"/> signed requests get this raw answer (e.g. a proxy's HTML page).</summary>
    public void FailNextWithBody(int times, int status, string body)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _scriptedFailures.Enqueue((status, body));
            }
        }
    }

    public void Dispose() => _server.Dispose();

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = context.Request.Headers.AllKeys
            .Where(name => name is not null)
            .ToDictionary(name => name!.ToLowerInvariant(), name => context.Request.Headers[name]!, StringComparer.Ordinal);
        var target = headers.GetValueOrDefault("x-amz-target") ?? "";
        var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : target;
        JsonNode? json = null;
        int status;
        string answer;
        string? rejection;
        try
        {
            json = body.Length == 0 ? null : JsonNode.Parse(body);
            (status, answer, rejection) = Authenticate(context.Request, headers, body) is { } refused
                ? (refused.Status, refused.Body, refused.Reason)
                : NextScriptedFailure() is { } scripted
                    ? (scripted.Status, scripted.Body, "scripted")
                    : Serve(operation, json);
        }
        catch (Exception unavailable) when (unavailable is HttpRequestException or TaskCanceledException or IOException)
        {
            // The real registry behind the fake (its data plane) did not answer: ECR's own answer to that is a 500.
            (status, answer, rejection) = (500, Error("ServerException", $"The fake's registry did not answer: {unavailable.Message}"), "data plane");
        }
        catch (Exception bug) when (bug is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            // A request the fake cannot read: a non-retryable error that names the problem, so the test fails fast.
            (status, answer, rejection) = (400, Error("FakeEcrCannotServe", bug.Message), "bad request");
        }

        lock (_gate)
        {
            _requests.Add(new FakeEcrRequest(
                operation,
                headers.GetValueOrDefault("authorization"),
                headers.GetValueOrDefault("x-amz-date"),
                headers.GetValueOrDefault("x-amz-security-token"),
                headers.GetValueOrDefault("content-type"),
                headers.GetValueOrDefault("host"),
                json,
                rejection));
        }

        var bytes = Encoding.UTF8.GetBytes(answer);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private (int Status, string Body)? NextScriptedFailure()
    {
        lock (_gate)
        {
            return _scriptedFailures.Count > 0 ? _scriptedFailures.Dequeue() : null;
        }
    }

    private (int Status, string Body, string Reason)? Authenticate(HttpListenerRequest request, Dictionary<string, string> headers, byte[] body)
    {
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

        if (match.Groups["key"].Value != AccessKey)
        {
            return (400, Error("UnrecognizedClientException", "The security token included in the request is invalid."), "authentication");
        }

        var signed = match.Groups["signed"].Value.Split(';');
        var problem = ScopeProblem(match, amzDate, signed, headers);
        if (problem is not null)
        {
            return (400, Error("InvalidSignatureException", problem), "signature");
        }

        if (SessionToken is not null && (headers.GetValueOrDefault("x-amz-security-token") != SessionToken || !signed.Contains("x-amz-security-token")))
        {
            return (400, Error("UnrecognizedClientException", "The security token included in the request is invalid."), "authentication");
        }

        var expected = SigV4.Signature(SecretKey, "POST", "/", "", headers, signed, body, amzDate, Region, "ecr");
        return expected == match.Groups["signature"].Value
            ? null
            : (400, Error("InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."), "signature");
    }

    private static string? ScopeProblem(Match match, string amzDate, string[] signed, Dictionary<string, string> headers)
    {
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || (DateTimeOffset.UtcNow - signedAt).Duration() > AllowedClockSkew)
        {
            return $"Signature expired or X-Amz-Date '{amzDate}' unreadable.";
        }

        if (match.Groups["date"].Value != amzDate[..8] || match.Groups["region"].Value != Region || match.Groups["service"].Value != "ecr")
        {
            return $"Credential should be scoped to a valid region and service: expected {amzDate[..8]}/{Region}/ecr.";
        }

        var required = new[] { "host", "x-amz-date", "x-amz-target", "content-type" };
        if (required.FirstOrDefault(name => !signed.Contains(name)) is { } unsigned)
        {
            return $"'{unsigned}' must be a signed header.";
        }

        return signed.FirstOrDefault(name => !headers.ContainsKey(name)) is { } missing ? $"Signed header '{missing}' is not in the request." : null;
    }

    private static string Error(string code, string message) => new JsonObject { ["__type"] = code, ["message"] = message }.ToJsonString();

    [GeneratedRegex("^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>[0-9]{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationHeader();
}
