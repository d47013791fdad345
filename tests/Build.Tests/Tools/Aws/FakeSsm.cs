using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Build.Tests.Support;
using Build.Tools.Aws;

namespace Build.Tests.Tools.Aws;

/// <summary>
/// An SSM Parameter Store endpoint on loopback that speaks the JSON-1.1 wire protocol (X-Amz-Target AmazonSSM.*,
/// PascalCase members), checks every request's SigV4 signature for ssm in <see cref="FakeEcs.Region"/> with the fake
/// ECS's keys (one set of credentials deploys), and serves PutParameter and GetParameter from memory.
/// </summary>
public sealed class FakeSsm : IDisposable
{
    public const string TargetPrefix = "AmazonSSM.";

    private readonly LoopbackHttpServer _server;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Value, long Version)> _parameters = new(StringComparer.Ordinal);
    private readonly List<(string Operation, string? Name, string? Rejection)> _requests = [];
    private readonly FakeAwsRequestCheck _requestCheck = new("ssm", FakeEcs.Region, FakeEcs.AccessKey, FakeEcs.SecretKey);

    public FakeSsm()
    {
        _server = new LoopbackHttpServer(HandleAsync);
    }

    public Uri Endpoint => _server.BaseUrl;

    /// <summary>Gets every request: operation, parameter name, why it was rejected (null: served).</summary>
    public IReadOnlyList<(string Operation, string? Name, string? Rejection)> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Settings that point a client at this fake, with the test keys and fast retries.</summary>
    public AwsSettings Settings(AWSCredentials? credentials = null) =>
        new(FakeEcs.Region, Endpoint)
        {
            Credentials = credentials ?? new BasicAWSCredentials(FakeEcs.AccessKey, FakeEcs.SecretKey),
            Retry = new AwsRetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)),
        };

    /// <summary>The parameter's value, or null when there is none (what the gate's hook reads).</summary>
    public string? Value(string name)
    {
        lock (_gate)
        {
            return _parameters.TryGetValue(name, out var found) ? found.Value : null;
        }
    }

    /// <summary>Puts a parameter as someone else would (e.g. a stale run's verdict).</summary>
    public void Put(string name, string value)
    {
        lock (_gate)
        {
            _parameters[name] = (value, _parameters.TryGetValue(name, out var old) ? old.Version + 1 : 1);
        }
    }

    public void Dispose() => _server.Dispose();

    private async Task HandleAsync(HttpListenerContext context)
    {
        var (body, headers, operation) = await FakeAwsJsonExchange.ReadAsync(context, TargetPrefix);
        int status;
        string answer;
        string? rejection;
        string? name = null;
        try
        {
            var json = body.Length == 0 ? null : JsonNode.Parse(body);
            name = json?["Name"]?.GetValue<string>();
            (status, answer, rejection) = _requestCheck.Refusal(context.Request, headers, body) is { } refused
                ? (refused.Status, refused.Body, refused.Reason)
                : Serve(operation, json);
        }
        catch (Exception bug) when (bug is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            (status, answer, rejection) = (400, FakeAwsRequestCheck.Error("FakeSsmCannotServe", bug.Message), "bad request");
        }

        lock (_gate)
        {
            _requests.Add((operation, name, rejection));
        }

        await FakeAwsJsonExchange.AnswerAsync(context, status, answer);
    }

    private (int, string, string?) Serve(string operation, JsonNode? request)
    {
        var name = request?["Name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name))
        {
            return (400, FakeAwsRequestCheck.Error("ValidationException", "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null"), "invalid");
        }

        lock (_gate)
        {
            switch (operation)
            {
                case "PutParameter":
                    var value = request!["Value"]!.GetValue<string>();
                    var overwrite = request["Overwrite"]?.GetValue<bool>() ?? false;
                    if (_parameters.TryGetValue(name, out var existing) && !overwrite)
                    {
                        return (400, FakeAwsRequestCheck.Error("ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the overwrite option in the request to true."), "exists");
                    }

                    var version = existing.Version + 1;
                    _parameters[name] = (value, version);
                    return (200, new JsonObject { ["Version"] = version, ["Tier"] = "Standard" }.ToJsonString(), null);
                case "GetParameter":
                    return _parameters.TryGetValue(name, out var found)
                        ? (200, new JsonObject { ["Parameter"] = new JsonObject { ["Name"] = name, ["Type"] = "String", ["Value"] = found.Value, ["Version"] = found.Version } }.ToJsonString(), null)
                        : (400, FakeAwsRequestCheck.Error("ParameterNotFound", ""), "not found");
                default:
                    return (400, FakeAwsRequestCheck.Error("UnknownOperationException", $"Unknown operation '{operation}'."), "unknown operation");
            }
        }
    }
}
