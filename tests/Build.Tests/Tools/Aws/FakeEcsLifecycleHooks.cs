using System.Text.Json.Nodes;

namespace Build.Tests.Tools.Aws;

/// <summary>
/// Lifecycle hooks of the fake's service deployments, as ECS runs them: a deployment in a stage that one of the
/// <c>deploymentConfiguration.lifecycleHooks</c> UpdateService sent names stays there while the hook's function answers
/// IN_PROGRESS (invoked again on every tick, with the hookDetails it returned), moves on after SUCCEEDED, and rolls back
/// (ROLLBACK_IN_PROGRESS, then ROLLBACK_SUCCESSFUL) after FAILED or when no such function exists. Functions are
/// registered by ARN (<see cref="AddLambda"/>); they run under the fake's lock.
/// </summary>
public sealed partial class FakeEcs
{
    private readonly Dictionary<string, Func<JsonObject, JsonObject>> _lambdas = new(StringComparer.Ordinal);

    /// <summary>The Lambda function <paramref name="functionArn"/>: takes ECS's hook payload, returns the hook's answer.</summary>
    public void AddLambda(string functionArn, Func<JsonObject, JsonObject> function)
    {
        lock (_gate)
        {
            _lambdas[functionArn] = function;
        }
    }

    /// <summary>
    /// Time passes for ECS: every unfinished service deployment plays <paramref name="ticks"/> lifecycle steps, as if
    /// polled (nothing but a lifecycle hook, or a script's HoldAt, keeps one where it is).
    /// </summary>
    public void Tick(int ticks = 1)
    {
        lock (_gate)
        {
            for (var tick = 0; tick < ticks; tick++)
            {
                foreach (var service in _services.Values)
                {
                    foreach (var deployment in service.ServiceDeployments.Where(deployment => deployment.Status is not ("SUCCESSFUL" or "STOPPED" or "ROLLBACK_SUCCESSFUL" or "ROLLBACK_FAILED")))
                    {
                        AdvanceLifecycle(service, deployment);
                    }
                }
            }
        }
    }

    /// <summary>True while a hook holds the deployment in its stage, or when the hook failed it (it rolls back then).</summary>
    private bool HeldByHook(FakeEcsService service, FakeEcsServiceDeployment deployment)
    {
        if (deployment.Status != "IN_PROGRESS" || deployment.Stage is not { } stage || deployment.ReleasedStages.Contains(stage))
        {
            return false;
        }

        var hook = deployment.Configuration["lifecycleHooks"]?.AsArray()
            .FirstOrDefault(entry => entry?["lifecycleStages"]?.AsArray().Any(named => named?.GetValue<string>() == stage) == true);
        if (hook is null)
        {
            return false;
        }

        var function = hook["hookTargetArn"]?.GetValue<string>() ?? "";
        var details = deployment.HookDetails ?? hook["hookDetails"]?.DeepClone().AsObject();
        var payload = new JsonObject
        {
            ["executionDetails"] = new JsonObject
            {
                ["testTrafficWeights"] = new JsonObject { [deployment.TargetRevisionArn(service)] = deployment.TestWeight },
                ["productionTrafficWeights"] = new JsonObject { [deployment.TargetRevisionArn(service)] = deployment.ProductionWeight },
                ["serviceArn"] = service.Arn,
                ["targetServiceRevisionArn"] = deployment.TargetRevisionArn(service),
            },
            ["executionId"] = Guid.NewGuid().ToString(),
            ["lifecycleStage"] = stage,
            ["resourceArn"] = deployment.Arn,
        };
        if (details is not null)
        {
            payload["hookDetails"] = details;
        }

        var answer = _lambdas.TryGetValue(function, out var lambda) ? lambda(payload) : null;
        var status = answer?["hookStatus"]?.GetValue<string>() ?? "FAILED";
        deployment.HookAnswers.Add($"{stage}: {status}");
        deployment.ProductionWeightsWhileHooked.Add(deployment.ProductionWeight);
        switch (status)
        {
            case "IN_PROGRESS":
                deployment.HookDetails = answer?["hookDetails"]?.DeepClone().AsObject() ?? deployment.HookDetails;
                return true;
            case "SUCCEEDED":
                deployment.ReleasedStages.Add(stage);
                deployment.HookDetails = null;
                return false;
            default:
                deployment.Status = "ROLLBACK_IN_PROGRESS";
                deployment.ProductionWeight = 0;
                deployment.TestWeight = 0;
                deployment.RollbackReason = answer is null && lambda is null
                    ? $"Lifecycle hook {function} could not be invoked in {stage}: function not found."
                    : $"Lifecycle hook {function} returned FAILED in {stage}.";
                service.AddEvent(_clock.GetUtcNow(), $"(service-deployment {deployment.Arn}) {deployment.RollbackReason}");
                return true;
        }
    }
}
