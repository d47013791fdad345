using System.Text.Json.Nodes;

namespace Build.Tests.Tools.Aws;

/// <summary>
/// The script of one service deployment of a traffic-shifting strategy (BLUE_GREEN, CANARY, LINEAR) the fake plays:
/// one lifecycle step per DescribeServiceDeployments call. Without a script the deployment goes through every stage to
/// SUCCESSFUL; <see cref="AlarmAt"/> fires <see cref="AlarmName"/> when the deployment reaches that stage (ECS then
/// rolls back when <see cref="AlarmRollsBack"/>), <see cref="HoldAt"/> keeps it in a stage for good.
/// </summary>
public sealed record FakeEcsLifecycle
{
    public const string DefaultAlarm = "app-dev-target-5xx";

    public string? AlarmAt { get; init; }

    public string AlarmName { get; init; } = DefaultAlarm;

    public bool AlarmRollsBack { get; init; } = true;

    public string? HoldAt { get; init; }

    /// <summary>Gets a value indicating whether a rollback ends ROLLBACK_FAILED (the new revision keeps its traffic) instead of ROLLBACK_SUCCESSFUL.</summary>
    public bool RollbackFails { get; init; }

    public static FakeEcsLifecycle Succeeds() => new();

    public static FakeEcsLifecycle AlarmDuring(string stage, string alarm = DefaultAlarm) => new() { AlarmAt = stage, AlarmName = alarm };
}

/// <summary>One step of a service deployment: its lifecycle stage and the new revision's share of test and production traffic.</summary>
public sealed record FakeEcsLifecycleStep(string Stage, double TestWeight, double ProductionWeight);

/// <summary>A service deployment of the fake, changed in place as its lifecycle goes on.</summary>
public sealed class FakeEcsServiceDeployment(string arn, string strategy, string taskDefinition, string? previous, IReadOnlyList<FakeEcsLifecycleStep> steps, FakeEcsLifecycle script, DateTimeOffset createdAt, JsonObject configuration)
{
    public string Arn { get; } = arn;

    public string Strategy { get; } = strategy;

    public string TaskDefinition { get; } = taskDefinition;

    public string? Previous { get; } = previous;

    public IReadOnlyList<FakeEcsLifecycleStep> Steps { get; } = steps;

    public FakeEcsLifecycle Script { get; } = script;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Gets the deploymentConfiguration UpdateService sent.</summary>
    public JsonObject Configuration { get; } = configuration;

    public string Status { get; set; } = "PENDING";

    public string? StatusReason { get; set; }

    public int Step { get; set; } = -1;

    public string? Stage { get; set; }

    public double TestWeight { get; set; }

    public double ProductionWeight { get; set; }

    /// <summary>Gets or sets the most production traffic the new revision ever had (what users may have seen).</summary>
    public double MaxProductionWeight { get; set; }

    /// <summary>Gets every production share the new revision was given, in order.</summary>
    public List<double> ProductionWeights { get; } = [];

    public List<string> TriggeredAlarms { get; } = [];

    public string? RollbackReason { get; set; }

    /// <summary>Gets or sets who stopped it: "ROLLBACK"/"ABORT" from StopServiceDeployment, null when nobody did.</summary>
    public string? StoppedWith { get; set; }

    /// <summary>Gets the stages it went through, in order.</summary>
    public List<string> Stages { get; } = [];

    /// <summary>Gets what its lifecycle hooks answered, in order: "POST_TEST_TRAFFIC_SHIFT: IN_PROGRESS", ...</summary>
    public List<string> HookAnswers { get; } = [];

    /// <summary>Gets the stages a lifecycle hook let go of (SUCCEEDED).</summary>
    public HashSet<string> ReleasedStages { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the hookDetails ECS hands the hook next (the last IN_PROGRESS answer's).</summary>
    public JsonObject? HookDetails { get; set; }

    /// <summary>Gets the production traffic share the new revision had each time a hook was invoked (a held deployment keeps 0).</summary>
    public List<double> ProductionWeightsWhileHooked { get; } = [];

    /// <summary>The ARN of the service revision this deployment moves to (as DescribeServiceDeployments and a hook's payload name it).</summary>
    public string TargetRevisionArn(FakeEcsService service) => RevisionArn(service, TaskDefinition);

    private static string RevisionArn(FakeEcsService service, string? taskDefinition) =>
        $"{service.Arn.Replace(":service/", ":service-revision/", StringComparison.Ordinal)}/{(taskDefinition ?? "").GetHashCode(StringComparison.Ordinal) & 0xffffff}";

    public JsonObject ToJson(FakeEcsService service)
    {
        var alarms = Configuration["alarms"]?["alarmNames"]?.AsArray().Select(name => name!.GetValue<string>()).ToList() ?? [];
        var json = new JsonObject
        {
            ["serviceDeploymentArn"] = Arn,
            ["serviceArn"] = service.Arn,
            ["clusterArn"] = $"arn:aws:ecs:{FakeEcs.Region}:{FakeEcs.AccountId}:cluster/{service.Cluster}",
            ["createdAt"] = FakeEcs.Epoch(CreatedAt),
            ["status"] = Status,
            ["targetServiceRevision"] = new JsonObject
            {
                ["arn"] = TargetRevisionArn(service),
                ["requestedTaskCount"] = service.DesiredCount,
                ["runningTaskCount"] = Step >= 1 ? service.DesiredCount : 0,
                ["pendingTaskCount"] = Step >= 1 ? 0 : service.DesiredCount,
                ["requestedTestTrafficWeight"] = TestWeight,
                ["requestedProductionTrafficWeight"] = ProductionWeight,
            },
            ["sourceServiceRevisions"] = new JsonArray(new JsonObject
            {
                ["arn"] = RevisionArn(service, Previous),
                ["requestedTaskCount"] = service.DesiredCount,
                ["runningTaskCount"] = service.DesiredCount,
                ["pendingTaskCount"] = 0,
                ["requestedTestTrafficWeight"] = 100 - TestWeight,
                ["requestedProductionTrafficWeight"] = 100 - ProductionWeight,
            }),
            ["deploymentConfiguration"] = Configuration.DeepClone(),
            ["alarms"] = new JsonObject
            {
                ["status"] = TriggeredAlarms.Count > 0 ? "TRIGGERED" : alarms.Count > 0 ? "MONITORING" : "DISABLED",
                ["alarmNames"] = new JsonArray([.. alarms.Select(name => (JsonNode)name)]),
                ["triggeredAlarmNames"] = new JsonArray([.. TriggeredAlarms.Select(name => (JsonNode)name)]),
            },
        };
        if (Stage is not null)
        {
            json["lifecycleStage"] = Stage;
        }

        if (StatusReason is not null)
        {
            json["statusReason"] = StatusReason;
        }

        if (RollbackReason is not null)
        {
            json["rollback"] = new JsonObject { ["reason"] = RollbackReason, ["serviceRevisionArn"] = Previous };
        }

        return json;
    }
}
