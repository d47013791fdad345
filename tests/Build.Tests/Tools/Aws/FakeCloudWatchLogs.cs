using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Build.Tests.Support;

namespace Build.Tests.Tools.Aws;

/// <summary>
/// A CloudWatch Logs endpoint on loopback that speaks the JSON-1.1 wire protocol, for terraform's AWS provider: it
/// checks every request's SigV4 signature (service logs, <see cref="Region"/>, the test keys) and serves what the
/// provider calls to refresh an <c>aws_cloudwatch_log_group</c>: DescribeLogGroups (by name prefix) and
/// ListTagsForResource. Log groups are scripted: <see cref="Put"/> one (or change its retention), <see cref="Remove"/> it.
/// </summary>
public sealed class FakeCloudWatchLogs : IDisposable
{
    public const string Region = "eu-west-1";
    public const string AccountId = "123456789012";
    public const string AccessKey = "AKIAFAKELOGSTEST0001";
    public const string SecretKey = "fAkE/sEcReT+kEy/for+the+fake+Logs+0123456789";
    public const string TargetPrefix = "Logs_20140328.";

    private readonly LoopbackHttpServer _server;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int?> _retentionByGroup = new(StringComparer.Ordinal);
    private readonly List<string> _operations = [];
    private readonly FakeAwsRequestCheck _requestCheck = new("logs", Region, AccessKey, SecretKey);

    public FakeCloudWatchLogs() => _server = new LoopbackHttpServer(HandleAsync);

    public Uri Endpoint => _server.BaseUrl;

    /// <summary>Gets the operations served (signed correctly), in order; refused requests are listed as "refused: reason".</summary>
    public IReadOnlyList<string> Operations
    {
        get
        {
            lock (_gate)
            {
                return [.. _operations];
            }
        }
    }

    public static string ArnOf(string name) => $"arn:aws:logs:{Region}:{AccountId}:log-group:{name}";

    /// <summary>Adds a log group, or sets its retention (null: never expire).</summary>
    public void Put(string name, int? retentionInDays)
    {
        lock (_gate)
        {
            _retentionByGroup[name] = retentionInDays;
        }
    }

    public void Remove(string name)
    {
        lock (_gate)
        {
            _retentionByGroup.Remove(name);
        }
    }

    public void Dispose() => _server.Dispose();

    private async Task HandleAsync(HttpListenerContext context)
    {
        var (body, headers, operation) = await FakeAwsJsonExchange.ReadAsync(context, TargetPrefix);
        int status;
        string answer;
        if (_requestCheck.Refusal(context.Request, headers, body) is { } refused)
        {
            (status, answer) = (refused.Status, refused.Body);
            Record($"refused: {refused.Reason}");
        }
        else
        {
            Record(operation);
            (status, answer) = Serve(operation, body.Length == 0 ? null : JsonNode.Parse(body));
        }

        await FakeAwsJsonExchange.AnswerAsync(context, status, answer);
    }

    private void Record(string operation)
    {
        lock (_gate)
        {
            _operations.Add(operation);
        }
    }

    private (int Status, string Body) Serve(string operation, JsonNode? request)
    {
        switch (operation)
        {
            case "DescribeLogGroups":
                var prefix = request?["logGroupNamePrefix"]?.GetValue<string>() ?? "";
                var groups = new JsonArray();
                lock (_gate)
                {
                    foreach (var (name, retention) in _retentionByGroup.Where(group => group.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(group => group.Key, StringComparer.Ordinal))
                    {
                        var group = new JsonObject
                        {
                            ["logGroupName"] = name,
                            ["arn"] = ArnOf(name) + ":*",
                            ["logGroupArn"] = ArnOf(name),
                            ["creationTime"] = 1_700_000_000_000L,
                            ["logGroupClass"] = "STANDARD",
                            ["storedBytes"] = 0,
                        };
                        if (retention is { } days)
                        {
                            group["retentionInDays"] = days;
                        }

                        groups.Add(group);
                    }
                }

                return (200, new JsonObject { ["logGroups"] = groups }.ToJsonString());
            case "ListTagsForResource":
                return (200, new JsonObject { ["tags"] = new JsonObject() }.ToJsonString());
            default:
                return (400, FakeAwsRequestCheck.Error("UnknownOperationException", string.Create(CultureInfo.InvariantCulture, $"The fake CloudWatch Logs does not serve '{operation}'.")));
        }
    }
}
