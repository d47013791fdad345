using System.Text.Json.Nodes;

namespace Build.Tests.Tools.Aws;

/// <summary>
/// A service of the fake ECS: its deployments, events and the script of the rollouts UpdateService starts, and what
/// a test wants to know afterwards (when the fake declared a rollout FAILED and how many polls saw it since).
/// </summary>
public sealed class FakeEcsService(string cluster, string name, int desiredCount, bool circuitBreakerRollback)
{
    private readonly Queue<FakeEcsRollout> _scripts = new();
    private readonly Queue<FakeEcsLifecycle> _lifecycles = new();

    public string Cluster { get; } = cluster;

    public string Name { get; } = name;

    public string Arn => $"arn:aws:ecs:{FakeEcs.Region}:{FakeEcs.AccountId}:service/{Cluster}/{Name}";

    public string Status { get; set; } = "ACTIVE";

    public int DesiredCount { get; } = desiredCount;

    public bool CircuitBreakerRollback { get; } = circuitBreakerRollback;

    public List<FakeEcsDeployment> Deployments { get; } = [];

    /// <summary>Gets the events, newest first (as DescribeServices lists them).</summary>
    public List<(string Id, DateTimeOffset At, string Message)> Events { get; } = [];

    /// <summary>Gets the rollout being played, and the deployment it drives.</summary>
    public FakeEcsRollout? Rollout { get; internal set; }

    public FakeEcsDeployment? Rolling { get; internal set; }

    /// <summary>Gets the task definition the PRIMARY deployment ran before the rollout started (what a rollback returns to).</summary>
    public string? RolledFrom { get; internal set; }

    /// <summary>Gets a value indicating whether the current rollout reached its outcome.</summary>
    public bool RolloutFinished { get; internal set; }

    /// <summary>Gets how many DescribeServices polls the current rollout has seen.</summary>
    public int RolloutPolls { get; internal set; }

    /// <summary>Gets when (by the fake's clock) the fake declared a rollout FAILED, and which deployment.</summary>
    public DateTimeOffset? DeclaredFailedAt { get; internal set; }

    public string? FailedDeploymentId { get; internal set; }

    /// <summary>Gets how many DescribeServices answers showed the failure, the one that first did included.</summary>
    public int PollsSinceFailed { get; internal set; }

    public FakeEcsDeployment? Primary => Deployments.FirstOrDefault(deployment => deployment.Status == "PRIMARY");

    /// <summary>Gets the task definition of the PRIMARY deployment: what the service runs (or converges to).</summary>
    public string TaskDefinition => Primary?.TaskDefinition ?? "";

    /// <summary>The next UpdateService plays <paramref name="rollout"/> (unscripted ones complete after 2 polls).</summary>
    public FakeEcsService ScriptNext(FakeEcsRollout rollout)
    {
        _scripts.Enqueue(rollout);
        return this;
    }

    /// <summary>Gets the service deployments of traffic-shifting strategies UpdateService started, oldest first.</summary>
    public List<FakeEcsServiceDeployment> ServiceDeployments { get; } = [];

    /// <summary>Gets the last UpdateService request the fake accepted for this service, as sent.</summary>
    public JsonObject? LastUpdate { get; internal set; }

    /// <summary>The next traffic-shifting deployment plays <paramref name="lifecycle"/> (unscripted ones succeed).</summary>
    public FakeEcsService ScriptNextLifecycle(FakeEcsLifecycle lifecycle)
    {
        _lifecycles.Enqueue(lifecycle);
        return this;
    }

    internal FakeEcsLifecycle NextLifecycle() => _lifecycles.Count > 0 ? _lifecycles.Dequeue() : FakeEcsLifecycle.Succeeds();

    internal FakeEcsRollout NextScript() => _scripts.Count > 0 ? _scripts.Dequeue() : FakeEcsRollout.Completes();

    internal void AddEvent(DateTimeOffset at, string message) =>
        Events.Insert(0, (Guid.NewGuid().ToString(), at, $"(service {Name}) {message}"));

    internal JsonObject ToJson() => new()
    {
        ["serviceArn"] = Arn,
        ["serviceName"] = Name,
        ["clusterArn"] = $"arn:aws:ecs:{FakeEcs.Region}:{FakeEcs.AccountId}:cluster/{Cluster}",
        ["status"] = Status,
        ["desiredCount"] = DesiredCount,
        ["runningCount"] = Deployments.Sum(deployment => deployment.RunningCount),
        ["pendingCount"] = Deployments.Sum(deployment => deployment.PendingCount),
        ["launchType"] = "FARGATE",
        ["platformVersion"] = "LATEST",
        ["taskDefinition"] = TaskDefinition,
        ["deploymentConfiguration"] = new JsonObject
        {
            ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = true, ["rollback"] = CircuitBreakerRollback },
            ["maximumPercent"] = 200,
            ["minimumHealthyPercent"] = 100,
        },
        ["deployments"] = new JsonArray([.. Deployments.Select(deployment => (JsonNode)deployment.ToJson())]),
        ["events"] = new JsonArray([.. Events.Take(100).Select(item => (JsonNode)new JsonObject
        {
            ["id"] = item.Id,
            ["createdAt"] = FakeEcs.Epoch(item.At),
            ["message"] = item.Message,
        })]),
        ["deploymentController"] = new JsonObject { ["type"] = "ECS" },
        ["schedulingStrategy"] = "REPLICA",
        ["enableECSManagedTags"] = true,
        ["propagateTags"] = "SERVICE",
    };
}
