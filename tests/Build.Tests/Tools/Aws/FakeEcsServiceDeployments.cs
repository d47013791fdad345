using System.Globalization;
using System.Text.Json.Nodes;

namespace Build.Tests.Tools.Aws;

/// <summary>
/// Service deployments of the traffic-shifting strategies (BLUE_GREEN, CANARY, LINEAR): UpdateService with such a
/// deploymentConfiguration starts one (refused, as ECS refuses it, without the load balancer's advancedConfiguration),
/// each DescribeServiceDeployments plays one lifecycle step, StopServiceDeployment stops or rolls back (under the lock).
/// </summary>
public sealed partial class FakeEcs
{
    private static readonly string[] TrafficShifting = ["BLUE_GREEN", "CANARY", "LINEAR"];

    /// <summary>Every service deployment the fake started, oldest first.</summary>
    public IReadOnlyList<FakeEcsServiceDeployment> ServiceDeployments
    {
        get
        {
            lock (_gate)
            {
                return [.. _services.Values.SelectMany(service => service.ServiceDeployments).OrderBy(deployment => deployment.CreatedAt)];
            }
        }
    }

    /// <summary>The stages of a deployment of <paramref name="strategy"/>: scale-up, test traffic, production traffic in its steps, bake, clean-up.</summary>
    public static IReadOnlyList<FakeEcsLifecycleStep> LifecycleSteps(string strategy, JsonNode? configuration)
    {
        var steps = new List<FakeEcsLifecycleStep>
        {
            new("PRE_SCALE_UP", 0, 0),
            new("SCALE_UP", 0, 0),
            new("POST_SCALE_UP", 0, 0),
            new("TEST_TRAFFIC_SHIFT", 100, 0),
            new("POST_TEST_TRAFFIC_SHIFT", 100, 0),
        };
        switch (strategy)
        {
            case "CANARY":
                var canary = configuration?["canaryConfiguration"]?["canaryPercent"]?.GetValue<double>() ?? 5;
                steps.Add(new("PRODUCTION_TRAFFIC_SHIFT", 100, canary));
                steps.Add(new("PRODUCTION_TRAFFIC_SHIFT", 100, canary));
                break;
            case "LINEAR":
                var step = configuration?["linearConfiguration"]?["stepPercent"]?.GetValue<double>() ?? 10;
                for (var share = step; share < 100; share += step)
                {
                    steps.Add(new("PRODUCTION_TRAFFIC_SHIFT", 100, share));
                }

                break;
            default:
                break;
        }

        steps.Add(new("PRODUCTION_TRAFFIC_SHIFT", 100, 100));
        steps.Add(new("POST_PRODUCTION_TRAFFIC_SHIFT", 100, 100));
        steps.Add(new("BAKE_TIME", 100, 100));
        steps.Add(new("BAKE_TIME", 100, 100));
        steps.Add(new("CLEAN_UP", 100, 100));
        return steps;
    }

    /// <summary>Null when UpdateService may start a deployment of this strategy, else ECS's InvalidParameterException message.</summary>
    private static string? StrategyRefusal(JsonNode request)
    {
        var configuration = request["deploymentConfiguration"];
        var strategy = configuration?["strategy"]?.GetValue<string>();
        if (strategy is null || strategy == "ROLLING")
        {
            return null;
        }

        if (!TrafficShifting.Contains(strategy))
        {
            return $"Invalid deployment strategy '{strategy}'.";
        }

        if (strategy == "CANARY" && configuration!["canaryConfiguration"]?["canaryPercent"] is null)
        {
            return "canaryConfiguration is required for the CANARY deployment strategy.";
        }

        if (strategy == "LINEAR" && configuration!["linearConfiguration"]?["stepPercent"] is null)
        {
            return "linearConfiguration is required for the LINEAR deployment strategy.";
        }

        var advanced = request["loadBalancers"]?[0]?["advancedConfiguration"];
        return advanced?["alternateTargetGroupArn"] is null || advanced["productionListenerRule"] is null || advanced["roleArn"] is null
            ? $"The {strategy} deployment strategy requires loadBalancers with advancedConfiguration (alternateTargetGroupArn, productionListenerRule, roleArn)."
            : null;
    }

    private void StartServiceDeployment(FakeEcsService service, string taskDefinition, JsonNode request)
    {
        var now = _clock.GetUtcNow();
        var configuration = request["deploymentConfiguration"]!.DeepClone().AsObject();
        var strategy = configuration["strategy"]!.GetValue<string>();
        var previous = service.Primary;
        if (previous is not null)
        {
            previous.Status = "ACTIVE";
            previous.UpdatedAt = now;
        }

        var ours = new FakeEcsDeployment(NextDeploymentId(), taskDefinition, service.DesiredCount, now) { PendingCount = service.DesiredCount };
        service.Deployments.Insert(0, ours);
        service.Rollout = null;
        service.Rolling = null;
        service.RolledFrom = previous?.TaskDefinition;
        var arn = $"arn:aws:ecs:{Region}:{AccountId}:service-deployment/{service.Cluster}/{service.Name}/{ours.Id[(ours.Id.IndexOf('/', StringComparison.Ordinal) + 1)..]}";
        service.ServiceDeployments.Add(new FakeEcsServiceDeployment(
            arn, strategy, taskDefinition, previous?.TaskDefinition, LifecycleSteps(strategy, configuration), service.NextLifecycle(), now, configuration));
        service.AddEvent(now, $"(service-deployment {arn}) {strategy} deployment started.");
    }

    private (int, string, string?) ListServiceDeployments(string cluster, JsonNode request)
    {
        var name = request["service"]!.GetValue<string>();
        if (!_services.TryGetValue((cluster, name[(name.LastIndexOf('/') + 1)..]), out var service))
        {
            return (400, Error("ServiceNotFoundException", "Service not found."), null);
        }

        var after = request["createdAt"]?["after"]?.GetValue<double>();
        var listed = service.ServiceDeployments
            .Where(deployment => after is null || Epoch(deployment.CreatedAt) >= after)
            .OrderByDescending(deployment => deployment.CreatedAt)
            .Select(deployment => (JsonNode)new JsonObject
            {
                ["serviceDeploymentArn"] = deployment.Arn,
                ["serviceArn"] = service.Arn,
                ["clusterArn"] = $"arn:aws:ecs:{Region}:{AccountId}:cluster/{cluster}",
                ["createdAt"] = Epoch(deployment.CreatedAt),
                ["status"] = deployment.Status,
            });
        return Ok(new JsonObject { ["serviceDeployments"] = new JsonArray([.. listed]) });
    }

    private (int, string, string?) DescribeServiceDeployments(JsonNode? request)
    {
        var found = new JsonArray();
        var failures = new JsonArray();
        foreach (var arn in request?["serviceDeploymentArns"]?.AsArray().Select(item => item!.GetValue<string>()) ?? [])
        {
            var (service, deployment) = FindServiceDeployment(arn);
            if (deployment is null)
            {
                failures.Add(new JsonObject { ["arn"] = arn, ["reason"] = "MISSING" });
                continue;
            }

            AdvanceLifecycle(service!, deployment);
            found.Add(deployment.ToJson(service!));
        }

        return Ok(new JsonObject { ["serviceDeployments"] = found, ["failures"] = failures });
    }

    private (int, string, string?) StopServiceDeployment(JsonNode? request)
    {
        var arn = request?["serviceDeploymentArn"]?.GetValue<string>() ?? "";
        var stopType = request?["stopType"]?.GetValue<string>() ?? "ABORT";
        var (_, deployment) = FindServiceDeployment(arn);
        if (deployment is null)
        {
            return (400, Error("ServiceDeploymentNotFoundException", $"Service deployment {arn} not found."), null);
        }

        if (deployment.Status is not ("PENDING" or "IN_PROGRESS"))
        {
            return (400, Error("ConflictException", $"The service deployment is {deployment.Status}: it cannot be stopped."), null);
        }

        deployment.StoppedWith = stopType;
        deployment.Status = stopType == "ROLLBACK" ? "ROLLBACK_REQUESTED" : "STOP_REQUESTED";
        deployment.RollbackReason = stopType == "ROLLBACK" ? "Rollback requested by StopServiceDeployment." : null;
        return Ok(new JsonObject { ["serviceDeploymentArn"] = arn });
    }

    private (FakeEcsService? Service, FakeEcsServiceDeployment? Deployment) FindServiceDeployment(string arn)
    {
        foreach (var service in _services.Values)
        {
            if (service.ServiceDeployments.FirstOrDefault(deployment => deployment.Arn == arn) is { } found)
            {
                return (service, found);
            }
        }

        return (null, null);
    }

    private void AdvanceLifecycle(FakeEcsService service, FakeEcsServiceDeployment deployment)
    {
        var now = _clock.GetUtcNow();
        switch (deployment.Status)
        {
            case "ROLLBACK_REQUESTED":
                deployment.Status = "ROLLBACK_IN_PROGRESS";
                deployment.ProductionWeight = deployment.Script.RollbackFails ? deployment.ProductionWeight : 0;
                deployment.TestWeight = deployment.Script.RollbackFails ? deployment.TestWeight : 0;
                return;
            case "ROLLBACK_IN_PROGRESS" when deployment.Script.RollbackFails:
                deployment.Status = "ROLLBACK_FAILED";
                deployment.StatusReason = "The rollback failed: the listener rule could not be modified (AccessDenied).";
                return;
            case "ROLLBACK_IN_PROGRESS":
                deployment.Status = "ROLLBACK_SUCCESSFUL";
                deployment.StatusReason = "Service deployment rolled back.";
                RestorePrevious(service, deployment, now);
                return;
            case "STOP_REQUESTED":
                deployment.Status = "STOPPED";
                deployment.StatusReason = "Service deployment stopped by StopServiceDeployment.";
                return;
            case "SUCCESSFUL" or "STOPPED" or "ROLLBACK_SUCCESSFUL" or "ROLLBACK_FAILED":
                return;
            default:
                break;
        }

        if (deployment.Stage is not null && deployment.Script.HoldAt == deployment.Stage)
        {
            return;
        }

        if (HeldByHook(service, deployment))
        {
            return;
        }

        if (deployment.Step + 1 >= deployment.Steps.Count)
        {
            deployment.Status = "SUCCESSFUL";
            deployment.StatusReason = "Service deployment completed.";
            var ours = service.Deployments.First(item => item.TaskDefinition == deployment.TaskDefinition);
            Complete(service, ours, now);
            service.AddEvent(now, "has reached a steady state.");
            return;
        }

        var step = deployment.Steps[++deployment.Step];
        deployment.Status = "IN_PROGRESS";
        deployment.Stage = step.Stage;
        deployment.Stages.Add(step.Stage);
        deployment.TestWeight = step.TestWeight;
        if (step.ProductionWeight != deployment.ProductionWeight)
        {
            deployment.ProductionWeights.Add(step.ProductionWeight);
        }

        deployment.ProductionWeight = step.ProductionWeight;
        deployment.MaxProductionWeight = Math.Max(deployment.MaxProductionWeight, step.ProductionWeight);
        if (deployment.Script.AlarmAt == step.Stage && deployment.TriggeredAlarms.Count == 0)
        {
            deployment.TriggeredAlarms.Add(deployment.Script.AlarmName);
            service.AddEvent(now, $"(service-deployment {deployment.Arn}) alarm {deployment.Script.AlarmName} is in ALARM.");
            if (deployment.Script.AlarmRollsBack)
            {
                deployment.Status = "ROLLBACK_REQUESTED";
                deployment.RollbackReason = string.Create(CultureInfo.InvariantCulture, $"CloudWatch alarm {deployment.Script.AlarmName} went into ALARM during {step.Stage}.");
            }
        }
    }

    /// <summary>After a rollback the old revision is PRIMARY and steady again, ours gone.</summary>
    private void RestorePrevious(FakeEcsService service, FakeEcsServiceDeployment deployment, DateTimeOffset now)
    {
        var old = service.Deployments.FirstOrDefault(item => item.TaskDefinition == deployment.Previous)
            ?? new FakeEcsDeployment(NextDeploymentId(), deployment.Previous ?? "", service.DesiredCount, now);
        Complete(service, old, now);
        service.AddEvent(now, "has reached a steady state.");
    }
}
