using System.Text.Json.Nodes;

namespace Build.Tests.Tools.Aws;

/// <summary>How the fake plays a rollout: one step per DescribeServices poll of the service (called under the lock).</summary>
public sealed partial class FakeEcs
{
    private FakeEcsDeployment StartDeployment(FakeEcsService service, string taskDefinition, DateTimeOffset at, FakeEcsRollout script)
    {
        var previous = service.Primary;
        if (previous is not null)
        {
            previous.Status = "ACTIVE";
            previous.UpdatedAt = at;
        }

        var deployment = new FakeEcsDeployment(NextDeploymentId(), taskDefinition, service.DesiredCount, at);
        service.Deployments.Insert(0, deployment);
        service.RolledFrom = previous?.TaskDefinition;
        service.Rollout = script;
        service.Rolling = deployment;
        service.RolloutPolls = 0;
        service.RolloutFinished = false;
        service.DeclaredFailedAt = null;
        service.FailedDeploymentId = null;
        service.PollsSinceFailed = 0;
        return deployment;
    }

    private void Advance(FakeEcsService service)
    {
        if (service is { Rollout: { } script, Rolling: { } ours, RolloutFinished: false })
        {
            Step(service, script, ours);
        }

        if (service.DeclaredFailedAt is not null)
        {
            service.PollsSinceFailed++;
        }
    }

    private void Step(FakeEcsService service, FakeEcsRollout script, FakeEcsDeployment ours)
    {
        var now = _clock.GetUtcNow();
        var poll = ++service.RolloutPolls;
        if (poll == 1)
        {
            service.AddEvent(now, $"has started {service.DesiredCount} tasks: {string.Join(' ', Enumerable.Range(0, service.DesiredCount).Select(_ => $"(task {Guid.NewGuid():N})"))}.");
        }

        if (script.ThrottleAfterPoll == poll)
        {
            for (var i = 0; i < script.Throttles; i++)
            {
                _scriptedFailures.Add(("DescribeServices", 400, new JsonObject { ["__type"] = "ThrottlingException" }.ToJsonString()));
            }
        }

        if (script.Outcome == FakeEcsOutcome.NeverSettles)
        {
            ours.RunningCount = Math.Max(service.DesiredCount - 1, 0);
            ours.PendingCount = service.DesiredCount - ours.RunningCount;
            if (poll == 1)
            {
                ours.UpdatedAt = now;
                StopTasks(service, ours, script);
            }

            return;
        }

        if (script.After is { } after && now - ours.CreatedAt < after)
        {
            ours.PendingCount = service.DesiredCount;
            return;
        }

        if (script.After is null && poll < script.Polls)
        {
            ours.RunningCount = (poll - 1) * service.DesiredCount / script.Polls;
            ours.PendingCount = service.DesiredCount - ours.RunningCount;
            ours.UpdatedAt = now;
            return;
        }

        service.RolloutFinished = true;
        switch (script.Outcome)
        {
            case FakeEcsOutcome.Completes:
                Complete(service, ours, now);
                service.AddEvent(now, "has reached a steady state.");
                break;
            case FakeEcsOutcome.FailsWithRollback:
                Fail(service, ours, script, now);
                break;
            case FakeEcsOutcome.StableAfterRollback:
                Fail(service, ours, script, now);
                if (script.OursInactiveAfterRollback)
                {
                    ours.Status = "INACTIVE";
                }
                else
                {
                    service.Deployments.Remove(ours);
                }

                break;
            case FakeEcsOutcome.Superseded:
                service.Deployments.Clear();
                Complete(service, new FakeEcsDeployment(NextDeploymentId(), script.SupersededBy, service.DesiredCount, now), now);
                service.AddEvent(now, "has reached a steady state.");
                break;
            default:
                throw new InvalidOperationException($"No step for {script.Outcome}.");
        }
    }

    private static void Complete(FakeEcsService service, FakeEcsDeployment deployment, DateTimeOffset now)
    {
        service.Deployments.RemoveAll(other => other != deployment);
        if (!service.Deployments.Contains(deployment))
        {
            service.Deployments.Add(deployment);
        }

        deployment.Status = "PRIMARY";
        deployment.RolloutState = "COMPLETED";
        deployment.RolloutStateReason = "ECS deployment completed.";
        deployment.RunningCount = service.DesiredCount;
        deployment.PendingCount = 0;
        deployment.UpdatedAt = now;
        service.AddEvent(now, $"(deployment {deployment.Id}) deployment completed.");
    }

    /// <summary>The circuit breaker fails ours (tasks stop); with rollback on, a new deployment of the previous revision is PRIMARY and steady.</summary>
    private void Fail(FakeEcsService service, FakeEcsDeployment ours, FakeEcsRollout script, DateTimeOffset now)
    {
        StopTasks(service, ours, script);
        ours.RolloutState = "FAILED";
        ours.RolloutStateReason = script.Reason;
        ours.FailedTasks = Math.Max(script.StoppedTasks.Count, 1);
        ours.RunningCount = 0;
        ours.PendingCount = 0;
        ours.UpdatedAt = now;
        service.DeclaredFailedAt = script.After is { } after ? ours.CreatedAt + after : now;
        service.FailedDeploymentId = ours.Id;
        service.AddEvent(now, $"(deployment {ours.Id}) deployment failed: tasks failed to start.");
        if (!service.CircuitBreakerRollback || service.RolledFrom is null)
        {
            return;
        }

        ours.Status = "ACTIVE";
        var rollback = new FakeEcsDeployment(NextDeploymentId(), service.RolledFrom, service.DesiredCount, now);
        service.AddEvent(now, $"rolling back to deployment {rollback.Id}.");
        service.Deployments.RemoveAll(other => other != ours);
        service.Deployments.Insert(0, rollback);
        rollback.Status = "PRIMARY";
        rollback.RolloutState = "COMPLETED";
        rollback.RolloutStateReason = "ECS deployment completed.";
        rollback.RunningCount = service.DesiredCount;
        rollback.UpdatedAt = now;
        service.AddEvent(now, $"(deployment {rollback.Id}) deployment completed.");
        service.AddEvent(now, "has reached a steady state.");
    }

    private void StopTasks(FakeEcsService service, FakeEcsDeployment ours, FakeEcsRollout script)
    {
        foreach (var stopped in script.StoppedTasks)
        {
            AddTask(service.Cluster, ours.TaskDefinition, ours.Id, stopped);
        }
    }

    private void AddTask(string cluster, string taskDefinition, string startedBy, FakeEcsStoppedTask stopped)
    {
        var now = _clock.GetUtcNow();
        var arn = $"arn:aws:ecs:{Region}:{AccountId}:task/{cluster}/{Guid.NewGuid():N}";
        var container = ResolveTaskDefinition(taskDefinition)?["containerDefinitions"]?[0]?["name"]?.GetValue<string>() ?? "app";
        var containerJson = new JsonObject
        {
            ["containerArn"] = $"arn:aws:ecs:{Region}:{AccountId}:container/{cluster}/{Guid.NewGuid():N}",
            ["taskArn"] = arn,
            ["name"] = container,
            ["lastStatus"] = "STOPPED",
        };
        if (stopped.ExitCode is { } exitCode)
        {
            containerJson["exitCode"] = exitCode;
        }

        if (stopped.ContainerReason is { } reason)
        {
            containerJson["reason"] = reason;
        }

        _tasks.Add((cluster, new JsonObject
        {
            ["taskArn"] = arn,
            ["clusterArn"] = $"arn:aws:ecs:{Region}:{AccountId}:cluster/{cluster}",
            ["taskDefinitionArn"] = taskDefinition,
            ["lastStatus"] = "STOPPED",
            ["desiredStatus"] = "STOPPED",
            ["startedBy"] = startedBy,
            ["stoppedReason"] = stopped.StoppedReason,
            ["stopCode"] = stopped.ExitCode is null ? "TaskFailedToStart" : "EssentialContainerExited",
            ["stoppedAt"] = Epoch(now),
            ["createdAt"] = Epoch(now - TimeSpan.FromSeconds(30)),
            ["launchType"] = "FARGATE",
            ["containers"] = new JsonArray(containerJson),
        }));
    }
}
