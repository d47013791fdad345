using System.Globalization;
using System.Text.Json.Nodes;
using Build.Tools.Aws.Ecs;

namespace Build.Tests.Tools.Aws;

/// <summary>The ECS operations the fake serves, with ECS's answers and error codes (called under the fake's lock).</summary>
public sealed partial class FakeEcs
{
    /// <summary>What DescribeTaskDefinition returns but RegisterTaskDefinition does not take.</summary>
    public static readonly IReadOnlyList<string> ReadOnlyTaskDefinitionFields =
        ["taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities", "registeredAt", "registeredBy", "deregisteredAt"];

    private (int Status, string Body, string? Reason) Serve(string operation, JsonNode? request) => operation switch
    {
        "DescribeServices" => WithCluster(request, cluster => DescribeServices(cluster, request!)),
        "DescribeTaskDefinition" => DescribeTaskDefinition(request),
        "RegisterTaskDefinition" => RegisterTaskDefinition(request),
        "UpdateService" => WithCluster(request, cluster => UpdateService(cluster, request!)),
        "ListTasks" => WithCluster(request, cluster => ListTasks(cluster, request!)),
        "DescribeTasks" => WithCluster(request, cluster => DescribeTasks(cluster, request!)),
        "ListServiceDeployments" => WithCluster(request, cluster => ListServiceDeployments(cluster, request!)),
        "DescribeServiceDeployments" => DescribeServiceDeployments(request),
        "StopServiceDeployment" => StopServiceDeployment(request),
        "RunTask" => WithCluster(request, cluster => RunTask(cluster, request!)),
        "StopTask" => WithCluster(request, cluster => StopTask(cluster, request!)),
        _ => (400, Error("UnknownOperationException", $"Unknown operation '{operation}'."), "unknown operation"),
    };

    private (int, string, string?) DescribeServices(string cluster, JsonNode request)
    {
        var services = new JsonArray();
        var failures = new JsonArray();
        foreach (var name in request["services"]!.AsArray().Select(item => item!.GetValue<string>()))
        {
            var shortName = name[(name.LastIndexOf('/') + 1)..];
            if (_services.TryGetValue((cluster, shortName), out var service))
            {
                Advance(service);
                services.Add(service.ToJson());
            }
            else
            {
                failures.Add(new JsonObject { ["arn"] = $"arn:aws:ecs:{Region}:{AccountId}:service/{cluster}/{shortName}", ["reason"] = "MISSING" });
            }
        }

        return Ok(new JsonObject { ["services"] = services, ["failures"] = failures });
    }

    private (int, string, string?) DescribeTaskDefinition(JsonNode? request)
    {
        var reference = request?["taskDefinition"]?.GetValue<string>() ?? "";
        var found = ResolveTaskDefinition(reference);
        if (found is null)
        {
            return (400, Error("ClientException", "Unable to describe task definition."), null);
        }

        var answer = new JsonObject { ["taskDefinition"] = found.DeepClone() };
        var include = request?["include"]?.AsArray().Select(item => item!.GetValue<string>()).ToList() ?? [];
        if (include.Contains("TAGS"))
        {
            answer["tags"] = _tags.GetValueOrDefault(found["taskDefinitionArn"]!.GetValue<string>())?.DeepClone() ?? new JsonArray();
        }

        return Ok(answer);
    }

    private (int, string, string?) RegisterTaskDefinition(JsonNode? request)
    {
        if (request is not JsonObject registration)
        {
            return (400, Error("ClientException", "The request is not a JSON object."), null);
        }

        if (ReadOnlyTaskDefinitionFields.FirstOrDefault(registration.ContainsKey) is { } readOnly)
        {
            // The AWS CLI and SDKs refuse these before sending ("Unknown parameter in input"); the fake refuses them too.
            return (400, Error("ClientException", $"Unknown parameter in input: \"{readOnly}\", must be one of the RegisterTaskDefinition parameters."), null);
        }

        if (registration["family"]?.GetValue<string>() is not { Length: > 0 })
        {
            return (400, Error("ClientException", "Family must not be null or empty."), null);
        }

        if (registration["containerDefinitions"] is not JsonArray { Count: > 0 } containers)
        {
            return (400, Error("ClientException", "Container list cannot be empty."), null);
        }

        if (containers.Any(container => container?["name"]?.GetValue<string>() is not { Length: > 0 } || container["image"]?.GetValue<string>() is not { Length: > 0 }))
        {
            return (400, Error("ClientException", "Container.name and Container.image should not be null or empty."), null);
        }

        _registrations.Add(registration.DeepClone().AsObject());
        var described = Register(registration);
        var arn = described["taskDefinitionArn"]!.GetValue<string>();
        return Ok(new JsonObject { ["taskDefinition"] = described.DeepClone(), ["tags"] = _tags.GetValueOrDefault(arn)?.DeepClone() ?? new JsonArray() });
    }

    private (int, string, string?) UpdateService(string cluster, JsonNode request)
    {
        var name = request["service"]!.GetValue<string>();
        if (!_services.TryGetValue((cluster, name[(name.LastIndexOf('/') + 1)..]), out var service))
        {
            return (400, Error("ServiceNotFoundException", "Service not found."), null);
        }

        if (service.Status != "ACTIVE")
        {
            return (400, Error("ServiceNotActiveException", "Service was not ACTIVE."), null);
        }

        if (request["taskDefinition"]?.GetValue<string>() is { } reference)
        {
            var definition = ResolveTaskDefinition(reference);
            if (definition is null)
            {
                return (400, Error("InvalidParameterException", "TaskDefinition not found."), null);
            }

            var arn = definition["taskDefinitionArn"]!.GetValue<string>();
            if (StrategyRefusal(request) is { } refusal)
            {
                return (400, Error("InvalidParameterException", refusal), null);
            }

            service.LastUpdate = request.DeepClone().AsObject();
            if (request["deploymentConfiguration"]?["strategy"]?.GetValue<string>() is "BLUE_GREEN" or "CANARY" or "LINEAR" && arn != service.TaskDefinition)
            {
                StartServiceDeployment(service, arn, request);
                return Ok(new JsonObject { ["service"] = service.ToJson() });
            }

            // Without forceNewDeployment, pointing a service at what it already runs starts no deployment.
            if (arn != service.TaskDefinition || request["forceNewDeployment"]?.GetValue<bool>() == true)
            {
                StartDeployment(service, arn, _clock.GetUtcNow(), service.NextScript());
            }
        }

        return Ok(new JsonObject { ["service"] = service.ToJson() });
    }

    private (int, string, string?) ListTasks(string cluster, JsonNode request)
    {
        var family = request["family"]?.GetValue<string>();
        var startedBy = request["startedBy"]?.GetValue<string>();
        if (startedBy is not null && (family is not null || request["serviceName"] is not null))
        {
            return (400, Error("InvalidParameterException", "When you specify startedBy as the filter, it must be the only filter that you use."), null);
        }

        var desired = request["desiredStatus"]?.GetValue<string>() ?? "RUNNING";
        var matching = _tasks
            .Where(task => task.Cluster == cluster)
            .Select(task => task.Task)
            .Where(task => task["desiredStatus"]!.GetValue<string>() == desired
                && (family is null || EcsArns.Family(task["taskDefinitionArn"]!.GetValue<string>()) == family)
                && (startedBy is null || task["startedBy"]?.GetValue<string>() == startedBy))
            .Select(task => task["taskArn"]!.GetValue<string>())
            .ToList();
        var start = int.Parse(request["nextToken"]?.GetValue<string>() ?? "0", CultureInfo.InvariantCulture);
        var size = Math.Min(request["maxResults"]?.GetValue<int>() ?? 100, 100);
        var answer = new JsonObject { ["taskArns"] = new JsonArray([.. matching.Skip(start).Take(size).Select(arn => (JsonNode)arn)]) };
        if (start + size < matching.Count)
        {
            answer["nextToken"] = (start + size).ToString(CultureInfo.InvariantCulture);
        }

        return Ok(answer);
    }

    private (int, string, string?) DescribeTasks(string cluster, JsonNode request)
    {
        var tasks = new JsonArray();
        var failures = new JsonArray();
        foreach (var arn in request["tasks"]!.AsArray().Select(item => item!.GetValue<string>()))
        {
            var found = _tasks.FirstOrDefault(task => task.Cluster == cluster && task.Task["taskArn"]!.GetValue<string>() == arn).Task;
            if (found is null)
            {
                failures.Add(new JsonObject { ["arn"] = arn, ["reason"] = "MISSING" });
            }
            else
            {
                StepOneOff(found);
                tasks.Add(found.DeepClone());
            }
        }

        return Ok(new JsonObject { ["tasks"] = tasks, ["failures"] = failures });
    }

    /// <summary>Stores the family's next revision with the fields ECS adds; returns the described form.</summary>
    private JsonObject Register(JsonObject registration)
    {
        var family = registration["family"]!.GetValue<string>();
        var revision = _taskDefinitions.Where(existing => existing["family"]!.GetValue<string>() == family).Select(existing => existing["revision"]!.GetValue<int>()).DefaultIfEmpty(0).Max() + 1;
        var arn = $"arn:aws:ecs:{Region}:{AccountId}:task-definition/{family}:{revision.ToString(CultureInfo.InvariantCulture)}";
        var described = new JsonObject { ["taskDefinitionArn"] = arn };
        foreach (var (name, value) in registration)
        {
            if (name != "tags")
            {
                described[name] = value?.DeepClone();
            }
        }

        described["revision"] = revision;
        described["status"] = "ACTIVE";
        described["requiresAttributes"] = new JsonArray(
            new JsonObject { ["name"] = "com.amazonaws.ecs.capability.logging-driver.awslogs" },
            new JsonObject { ["name"] = "ecs.capability.execution-role-awslogs" },
            new JsonObject { ["name"] = "ecs.capability.task-eni" });
        described["compatibilities"] = new JsonArray("EC2", "FARGATE");
        described["registeredAt"] = Epoch(_clock.GetUtcNow());
        described["registeredBy"] = $"arn:aws:sts::{AccountId}:assumed-role/deploy/ci";
        _taskDefinitions.Add(described);
        _tags[arn] = registration["tags"] is JsonArray tags ? tags.DeepClone().AsArray() : [];
        return described;
    }

    /// <summary>An ARN, family:revision, or a family (its latest ACTIVE revision).</summary>
    private JsonObject? ResolveTaskDefinition(string reference)
    {
        var name = EcsArns.ShortTaskDefinition(reference);
        return name.Contains(':', StringComparison.Ordinal)
            ? _taskDefinitions.FirstOrDefault(definition => definition["taskDefinitionArn"]!.GetValue<string>().EndsWith($"/{name}", StringComparison.Ordinal))
            : _taskDefinitions.Where(definition => definition["family"]!.GetValue<string>() == name).MaxBy(definition => definition["revision"]!.GetValue<int>());
    }

    private (int, string, string?) WithCluster(JsonNode? request, Func<string, (int, string, string?)> serve)
    {
        var cluster = request?["cluster"]?.GetValue<string>() ?? "default";
        var name = cluster[(cluster.LastIndexOf('/') + 1)..];
        return _clusters.Contains(name) ? serve(name) : (400, Error("ClusterNotFoundException", "Cluster not found."), null);
    }

    private static (int, string, string?) Ok(JsonNode answer) => (200, answer.ToJsonString(), null);
}
