using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
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


    private readonly LoopbackHttpServer _server;
    private readonly Lock _gate = new();
    private readonly List<FakeEcrRequest> _requests = [];
    private readonly Queue<(int Status, string Body)> _scriptedFailures = new();
    private readonly Dictionary<string, FakeEcrRepository> _repositories = new(StringComparer.Ordinal);

    private readonly FakeAwsRequestCheck _requestCheck = new("ecr", Region, AccessKey, SecretKey);

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
    public string? SessionToken
    {
        get => _requestCheck.SessionToken;
        set => _requestCheck.SessionToken = value;
    }

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
        var (body, headers, operation) = await FakeAwsJsonExchange.ReadAsync(context, TargetPrefix);
        JsonNode? json = null;
        int status;
        string answer;
        string? rejection;
        try
        {
            json = body.Length == 0 ? null : JsonNode.Parse(body);
            (status, answer, rejection) = _requestCheck.Refusal(context.Request, headers, body) is { } refused
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

        await FakeAwsJsonExchange.AnswerAsync(context, status, answer);
    }

    private (int Status, string Body)? NextScriptedFailure()
    {
        lock (_gate)
        {
            return _scriptedFailures.Count > 0 ? _scriptedFailures.Dequeue() : null;
        }
    }

    private static string Error(string code, string message) => FakeAwsRequestCheck.Error(code, message);

}
