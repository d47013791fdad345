using System.Text.Json.Nodes;

namespace Build.Tests.Tools.Aws;

/// <summary>RunTask, StopTask and the tasks they start, played one step per DescribeTasks poll (called under the lock).</summary>
public sealed partial class FakeEcs
{
    private readonly Queue<FakeEcsOneOffTask> _taskScripts = new();
    private readonly Dictionary<string, (FakeEcsOneOffTask Script, int Polls)> _oneOffs = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _runTasks = [];

    /// <summary>Gets every RunTask request body the fake accepted (it started a task or answered with failures), as sent.</summary>
    public IReadOnlyList<JsonObject> RunTasks
    {
        get
        {
            lock (_gate)
            {
                return [.. _runTasks];
            }
        }
    }

    /// <summary>Queues how the next task RunTask starts goes; returns the fake for chaining.</summary>
    public FakeEcs ScriptNextTask(FakeEcsOneOffTask script)
    {
        lock (_gate)
        {
            _taskScripts.Enqueue(script);
        }

        return this;
    }

    /// <summary>The task as DescribeTasks would return it now (a copy, no step played), or null.</summary>
    public JsonObject? Task(string arn)
    {
        lock (_gate)
        {
            return _tasks.FirstOrDefault(task => task.Task["taskArn"]!.GetValue<string>() == arn).Task?.DeepClone().AsObject();
        }
    }

    private (int, string, string?) RunTask(string cluster, JsonNode request)
    {
        if (request["launchType"]?.GetValue<string>() != "FARGATE")
        {
            return (400, Error("InvalidParameterException", "The fake runs FARGATE tasks only."), null);
        }

        var definition = ResolveTaskDefinition(request["taskDefinition"]?.GetValue<string>() ?? "");
        if (definition is null)
        {
            return (400, Error("ClientException", "TaskDefinition not found."), null);
        }

        var vpc = request["networkConfiguration"]?["awsvpcConfiguration"];
        if (vpc?["subnets"] is not JsonArray { Count: > 0 })
        {
            return (400, Error("InvalidParameterException", "subnets can not be empty."), null);
        }

        var names = (definition["containerDefinitions"] as JsonArray ?? []).Select(container => container!["name"]!.GetValue<string>()).ToList();
        var overrides = request["overrides"]?["containerOverrides"] as JsonArray ?? [];
        if (overrides.FirstOrDefault(item => !names.Contains(item!["name"]!.GetValue<string>())) is { } unknown)
        {
            return (400, Error("InvalidParameterException", $"Override for container named {unknown["name"]} is not a container in the TaskDefinition."), null);
        }

        _runTasks.Add(request.DeepClone().AsObject());
        var script = _taskScripts.Count > 0 ? _taskScripts.Dequeue() : FakeEcsOneOffTask.ExitsWith(0);
        var arn = definition["taskDefinitionArn"]!.GetValue<string>();
        if (script.Outcome == FakeEcsOneOffOutcome.RunTaskFails)
        {
            return Ok(new JsonObject
            {
                ["tasks"] = new JsonArray(),
                ["failures"] = new JsonArray(new JsonObject { ["arn"] = $"arn:aws:ecs:{Region}:{AccountId}:container-instance/{cluster}", ["reason"] = FakeEcsOneOffTask.EniFailure, ["detail"] = "no ENI available in subnet" }),
            });
        }

        var taskArn = $"arn:aws:ecs:{Region}:{AccountId}:task/{cluster}/{Guid.NewGuid():N}";
        var now = _clock.GetUtcNow();
        var task = new JsonObject
        {
            ["taskArn"] = taskArn,
            ["clusterArn"] = $"arn:aws:ecs:{Region}:{AccountId}:cluster/{cluster}",
            ["taskDefinitionArn"] = arn,
            ["lastStatus"] = "PROVISIONING",
            ["desiredStatus"] = "RUNNING",
            ["startedBy"] = request["startedBy"]?.GetValue<string>(),
            ["createdAt"] = Epoch(now),
            ["launchType"] = "FARGATE",
            ["containers"] = new JsonArray([.. names.Select(name => (JsonNode)new JsonObject { ["name"] = name, ["lastStatus"] = "PENDING", ["taskArn"] = taskArn })]),
        };
        _tasks.Add((cluster, task));
        _oneOffs[taskArn] = (script, 0);
        return Ok(new JsonObject { ["tasks"] = new JsonArray(task.DeepClone()), ["failures"] = new JsonArray() });
    }

    private (int, string, string?) StopTask(string cluster, JsonNode request)
    {
        var arn = request["task"]?.GetValue<string>() ?? "";
        var found = _tasks.FirstOrDefault(task => task.Cluster == cluster && task.Task["taskArn"]!.GetValue<string>() == arn).Task;
        if (found is null)
        {
            return (400, Error("InvalidParameterException", "The referenced task was not found."), null);
        }

        Stop(found, request["reason"]?.GetValue<string>() ?? "Task stopped by user", "UserInitiated", 143);
        _oneOffs.Remove(arn);
        return Ok(new JsonObject { ["task"] = found.DeepClone() });
    }

    /// <summary>One step of a one-off task that a DescribeTasks poll includes.</summary>
    private void StepOneOff(JsonObject task)
    {
        var arn = task["taskArn"]!.GetValue<string>();
        if (!_oneOffs.TryGetValue(arn, out var state))
        {
            return;
        }

        var poll = state.Polls + 1;
        _oneOffs[arn] = (state.Script, poll);
        var script = state.Script;
        if (script.Outcome == FakeEcsOneOffOutcome.NeverStarts)
        {
            if (poll >= script.Polls)
            {
                Stop(task, $"{FakeEcsOneOffTask.PullFailure}", "TaskFailedToStart", exitCode: null);
                _oneOffs.Remove(arn);
            }
            else
            {
                task["lastStatus"] = "PENDING";
            }

            return;
        }

        if (poll >= script.Polls)
        {
            Stop(task, FakeEcsOneOffTask.ExitedReason, "EssentialContainerExited", script.ExitCode);
            _oneOffs.Remove(arn);
            return;
        }

        var running = poll > 1;
        task["lastStatus"] = running ? "RUNNING" : "PENDING";
        foreach (var container in task["containers"]!.AsArray())
        {
            container!["lastStatus"] = running ? "RUNNING" : "PENDING";
        }

        if (running && task["startedAt"] is null)
        {
            task["startedAt"] = Epoch(_clock.GetUtcNow());
        }
    }

    private void Stop(JsonObject task, string reason, string stopCode, int? exitCode)
    {
        task["lastStatus"] = "STOPPED";
        task["desiredStatus"] = "STOPPED";
        task["stoppedReason"] = reason;
        task["stopCode"] = stopCode;
        task["stoppedAt"] = Epoch(_clock.GetUtcNow());
        foreach (var container in task["containers"]!.AsArray())
        {
            container!["lastStatus"] = "STOPPED";
            if (exitCode is { } code)
            {
                container["exitCode"] = code;
            }
        }
    }
}
