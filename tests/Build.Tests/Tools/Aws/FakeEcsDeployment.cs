using System.Text.Json.Nodes;

namespace Build.Tests.Tools.Aws;

/// <summary>A deployment of a fake ECS service, changed in place as its rollout goes on.</summary>
public sealed class FakeEcsDeployment(string id, string taskDefinition, int desiredCount, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string TaskDefinition { get; } = taskDefinition;

    public string Status { get; set; } = "PRIMARY";

    public string? RolloutState { get; set; } = "IN_PROGRESS";

    public string? RolloutStateReason { get; set; } = "ECS deployment " + id + " in progress.";

    public int DesiredCount { get; set; } = desiredCount;

    public int RunningCount { get; set; }

    public int PendingCount { get; set; }

    public int FailedTasks { get; set; }

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["status"] = Status,
            ["taskDefinition"] = TaskDefinition,
            ["desiredCount"] = DesiredCount,
            ["pendingCount"] = PendingCount,
            ["runningCount"] = RunningCount,
            ["failedTasks"] = FailedTasks,
            ["createdAt"] = FakeEcs.Epoch(CreatedAt),
            ["updatedAt"] = FakeEcs.Epoch(UpdatedAt),
            ["launchType"] = "FARGATE",
            ["platformVersion"] = "1.4.0",
            ["platformFamily"] = "Linux",
            ["networkConfiguration"] = new JsonObject
            {
                ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray("subnet-0a1b2c3d"), ["securityGroups"] = new JsonArray("sg-0a1b2c3d"), ["assignPublicIp"] = "DISABLED" },
            },
        };
        if (RolloutState is not null)
        {
            json["rolloutState"] = RolloutState;
            json["rolloutStateReason"] = RolloutStateReason;
        }

        return json;
    }
}
