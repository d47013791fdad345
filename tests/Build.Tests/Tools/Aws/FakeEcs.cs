using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Build.Tests.Support;
using Build.Tools.Aws;

namespace Build.Tests.Tools.Aws;

/// <summary>
/// An ECS endpoint on loopback that speaks the JSON-1.1 wire protocol: routes by X-Amz-Target, checks that every
/// request is SigV4-signed for ecs in <see cref="Region"/> by recomputing the signature with <see cref="SecretKey"/>,
/// holds clusters, services, task definitions and tasks, plays one-off tasks started by RunTask (FakeEcsOneOffTask), scripted rollouts
/// (<see cref="FakeEcsRollout"/>), throttling bursts and errors. Its clock (for createdAt and the moment a rollout is
/// declared FAILED) is the one the test gives, so a stepping clock makes both sides agree on time.
/// </summary>
public sealed partial class FakeEcs : IDisposable
{
    public const string Region = "eu-west-1";
    public const string AccountId = "123456789012";
    public const string AccessKey = "AKIAFAKEECSTEST00001";
    public const string SecretKey = "fAkE/sEcReT+kEy/for+the+fake+ECS+0123456789";
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113.";


    private readonly LoopbackHttpServer _server;
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly List<FakeEcsRequest> _requests = [];
    private readonly List<(string? Operation, int Status, string Body)> _scriptedFailures = [];
    private readonly HashSet<string> _clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Cluster, string Name), FakeEcsService> _services = [];
    private readonly List<JsonObject> _taskDefinitions = [];
    private readonly Dictionary<string, JsonArray> _tags = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _registrations = [];
    private readonly List<(string Cluster, JsonObject Task)> _tasks = [];
    private readonly FakeAwsRequestCheck _requestCheck = new("ecs", Region, AccessKey, SecretKey);
    private long _deploymentIds = 4_000_000_000_000_000_000;

    public FakeEcs(TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _server = new LoopbackHttpServer(HandleAsync);
    }

    public Uri Endpoint => _server.BaseUrl;

    public IReadOnlyList<FakeEcsRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Gets every RegisterTaskDefinition request body the fake accepted, as sent.</summary>
    public IReadOnlyList<JsonObject> Registrations
    {
        get
        {
            lock (_gate)
            {
                return [.. _registrations];
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

    /// <summary>How many requests of <paramref name="operation"/> arrived, throttled and refused ones included.</summary>
    public int CountOf(string operation) => Requests.Count(request => request.Operation == operation);

    /// <summary>How many requests of <paramref name="operation"/> were answered (not throttled, refused or failed by script).</summary>
    public int ServedCountOf(string operation) => Requests.Count(request => request.Operation == operation && request.Rejection is null);

    public static double Epoch(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 1000.0;

    public void AddCluster(string name)
    {
        lock (_gate)
        {
            _clusters.Add(name);
        }
    }

    /// <summary>
    /// A service (and its cluster) steady on <paramref name="taskDefinition"/>: one PRIMARY deployment, COMPLETED, a day
    /// old, with <paramref name="desiredCount"/> tasks running; the circuit breaker is on, rollback as given.
    /// </summary>
    public FakeEcsService AddService(string cluster, string name, string taskDefinition, int desiredCount = 2, bool circuitBreakerRollback = true)
    {
        var service = new FakeEcsService(cluster, name, desiredCount, circuitBreakerRollback);
        var since = _clock.GetUtcNow() - TimeSpan.FromDays(1);
        lock (_gate)
        {
            var arn = ResolveTaskDefinition(taskDefinition)?["taskDefinitionArn"]?.GetValue<string>() ?? taskDefinition;
            service.Deployments.Add(new FakeEcsDeployment(NextDeploymentId(), arn, desiredCount, since)
            {
                RolloutState = "COMPLETED",
                RolloutStateReason = "ECS deployment completed.",
                RunningCount = desiredCount,
            });
            service.AddEvent(since, "has reached a steady state.");
            _clusters.Add(cluster);
            _services[(cluster, name)] = service;
        }

        return service;
    }

    public FakeEcsService Service(string cluster, string name)
    {
        lock (_gate)
        {
            return _services[(cluster, name)];
        }
    }

    /// <summary>
    /// Someone else's deployment of <paramref name="taskDefinition"/>, started <paramref name="ago"/> before now and
    /// IN_PROGRESS for good: it is PRIMARY, the one that was steady is ACTIVE and COMPLETED.
    /// </summary>
    public FakeEcsDeployment StartForeignDeployment(FakeEcsService service, string taskDefinition, TimeSpan ago)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_gate)
        {
            var started = _clock.GetUtcNow() - ago;
            var foreign = StartDeployment(service, taskDefinition, started, FakeEcsRollout.NeverSettles());
            foreign.RunningCount = 1;
            foreign.PendingCount = 1;
            return foreign;
        }
    }

    /// <summary>
    /// Registers a Fargate task definition shaped like terraform/ecs.tf's (one container per name, the first
    /// essential, a few fields the build never reads) and returns its ARN; the family's next revision.
    /// </summary>
    public string AddTaskDefinition(string family, params string[] containers)
    {
        var registration = new JsonObject
        {
            ["family"] = family,
            ["taskRoleArn"] = $"arn:aws:iam::{AccountId}:role/{family}-task",
            ["executionRoleArn"] = $"arn:aws:iam::{AccountId}:role/{family}-task-execution",
            ["networkMode"] = "awsvpc",
            ["containerDefinitions"] = new JsonArray([.. containers.Select((name, index) => (JsonNode)new JsonObject
            {
                ["name"] = name,
                ["image"] = $"{AccountId}.dkr.ecr.{Region}.amazonaws.com/{family}@sha256:{new string((char)('a' + index), 64)}",
                ["cpu"] = 0,
                ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 8080, ["hostPort"] = 8080, ["protocol"] = "tcp", ["name"] = "http", ["appProtocol"] = "http" }),
                ["essential"] = index == 0,
                ["environment"] = new JsonArray(new JsonObject { ["name"] = "ASPNETCORE_HTTP_PORTS", ["value"] = "8080" }),
                ["mountPoints"] = new JsonArray(),
                ["volumesFrom"] = new JsonArray(),
                ["healthCheck"] = new JsonObject { ["command"] = new JsonArray("CMD", "/app/App", "healthcheck"), ["interval"] = 30, ["timeout"] = 5, ["retries"] = 3, ["startPeriod"] = 60 },
                ["logConfiguration"] = new JsonObject
                {
                    ["logDriver"] = "awslogs",
                    ["options"] = new JsonObject { ["awslogs-group"] = $"/ecs/{family}", ["awslogs-region"] = Region, ["awslogs-stream-prefix"] = "ecs", ["mode"] = "non-blocking", ["max-buffer-size"] = "25m" },
                },
                ["systemControls"] = new JsonArray(),
            })]),
            ["volumes"] = new JsonArray(),
            ["placementConstraints"] = new JsonArray(),
            ["requiresCompatibilities"] = new JsonArray("FARGATE"),
            ["cpu"] = "256",
            ["memory"] = "512",
            ["runtimePlatform"] = new JsonObject { ["cpuArchitecture"] = "X86_64", ["operatingSystemFamily"] = "LINUX" },
            ["enableFaultInjection"] = false,
            ["tags"] = new JsonArray(new JsonObject { ["key"] = "Service", ["value"] = family }, new JsonObject { ["key"] = "ManagedBy", ["value"] = "terraform" }),
        };
        lock (_gate)
        {
            return Register(registration)["taskDefinitionArn"]!.GetValue<string>();
        }
    }

    /// <summary>Gives <paramref name="container"/> of a registered task definition ECS <c>secrets</c> (name, valueFrom = a Secrets Manager ARN), as terraform/ecs.tf does.</summary>
    public void SetSecrets(string taskDefinition, string container, IReadOnlyDictionary<string, string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        lock (_gate)
        {
            var definition = ResolveTaskDefinition(taskDefinition) ?? throw new InvalidOperationException($"No task definition {taskDefinition}.");
            var target = definition["containerDefinitions"]!.AsArray().First(candidate => candidate!["name"]!.GetValue<string>() == container)!;
            target["secrets"] = new JsonArray([.. secrets.Select(secret => (JsonNode)new JsonObject { ["name"] = secret.Key, ["valueFrom"] = secret.Value })]);
        }
    }

    /// <summary>The task definition as DescribeTaskDefinition returns it (a copy), or null.</summary>
    public JsonObject? TaskDefinition(string reference)
    {
        lock (_gate)
        {
            return ResolveTaskDefinition(reference)?.DeepClone().AsObject();
        }
    }

    /// <summary>A stopped task of <paramref name="taskDefinition"/> that no rollout of ours made (ListTasks must see past it).</summary>
    public void AddStoppedTask(string cluster, string taskDefinition, string startedBy, FakeEcsStoppedTask stopped)
    {
        ArgumentNullException.ThrowIfNull(stopped);
        lock (_gate)
        {
            AddTask(cluster, taskDefinition, startedBy, stopped);
        }
    }

    /// <summary>The next <paramref name="times"/> signed requests (of <paramref name="operation"/>, else any) are throttled: HTTP 400 {"__type":"ThrottlingException"}.</summary>
    public void Throttle(int times, string? operation = null) =>
        FailNextWithBody(times, 400, new JsonObject { ["__type"] = "ThrottlingException" }.ToJsonString(), operation);

    /// <summary>The next <paramref name="times"/> signed requests (of <paramref name="operation"/>, else any) get this AWS error instead of an answer.</summary>
    public void FailNext(int times, int status, string code, string message, string? operation = null) =>
        FailNextWithBody(times, status, Error(code, message), operation);

    public void Dispose() => _server.Dispose();

    private void FailNextWithBody(int times, int status, string body, string? operation)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _scriptedFailures.Add((operation, status, body));
            }
        }
    }

    private string NextDeploymentId() => $"ecs-svc/{Interlocked.Increment(ref _deploymentIds).ToString(CultureInfo.InvariantCulture)}";

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
                : NextScriptedFailure(operation) is { } scripted
                    ? (scripted.Status, scripted.Body, "scripted")
                    : ServeLocked(operation, json);
        }
        catch (Exception bug) when (bug is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            // A request the fake cannot read: a non-retryable error that names the problem, so the test fails fast.
            (status, answer, rejection) = (400, Error("FakeEcsCannotServe", bug.Message), "bad request");
        }

        lock (_gate)
        {
            _requests.Add(new FakeEcsRequest(
                operation,
                headers.GetValueOrDefault("authorization"),
                headers.GetValueOrDefault("x-amz-date"),
                headers.GetValueOrDefault("content-type"),
                headers.GetValueOrDefault("host"),
                json,
                rejection));
        }

        await FakeAwsJsonExchange.AnswerAsync(context, status, answer);
    }

    private (int Status, string Body, string? Reason) ServeLocked(string operation, JsonNode? json)
    {
        lock (_gate)
        {
            return Serve(operation, json);
        }
    }

    private (int Status, string Body)? NextScriptedFailure(string operation)
    {
        lock (_gate)
        {
            var index = _scriptedFailures.FindIndex(failure => failure.Operation is null || failure.Operation == operation);
            if (index < 0)
            {
                return null;
            }

            var (_, status, body) = _scriptedFailures[index];
            _scriptedFailures.RemoveAt(index);
            return (status, body);
        }
    }

    private static string Error(string code, string message) => FakeAwsRequestCheck.Error(code, message);

}
