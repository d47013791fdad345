using System.Text.Json.Serialization;

namespace Build.Tools.Aws.Ecs;

/// <summary>
/// An environment's deployment strategy as UpdateService takes it (property names are ECS's, so the record is also
/// the JSON terraform's <c>deployment_strategy</c> output carries): the strategy, the bake time after production
/// traffic moved, the canary or linear steps, the CloudWatch alarms that fail (and roll back) a deployment, and for a
/// strategy that shifts traffic the service's load balancer with its alternate target group and listener rules.
/// </summary>
public sealed record EcsStrategySettings(
    string Strategy,
    int? BakeTimeInMinutes = null,
    EcsCanaryConfiguration? CanaryConfiguration = null,
    EcsLinearConfiguration? LinearConfiguration = null,
    EcsAlarmConfiguration? Alarms = null,
    EcsTrafficLoadBalancer? LoadBalancer = null)
{
    /// <summary>Gets a value indicating whether the strategy moves traffic between target groups (not ROLLING).</summary>
    [JsonIgnore]
    public bool ShiftsTraffic => EcsDeploymentStrategy.ShiftsTraffic(Strategy);

    /// <summary>
    /// How long the strategy waits on purpose, at least: the canary's bake time, or every linear step's but the last,
    /// plus the bake time after all production traffic moved (zero for ROLLING).
    /// </summary>
    public TimeSpan ScheduledWait()
    {
        if (!ShiftsTraffic)
        {
            return TimeSpan.Zero;
        }

        var holds = Strategy switch
        {
            EcsDeploymentStrategy.Canary => CanaryConfiguration?.CanaryBakeTimeInMinutes ?? 0,
            EcsDeploymentStrategy.Linear when LinearConfiguration is { StepPercent: > 0 } linear =>
                ((int)Math.Ceiling(100 / linear.StepPercent) - 1) * linear.StepBakeTimeInMinutes,
            _ => 0,
        };
        return TimeSpan.FromMinutes(holds + (BakeTimeInMinutes ?? 0));
    }

    /// <summary>The settings' problems, one clause each (empty when UpdateService can take them).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!EcsDeploymentStrategy.All.Contains(Strategy))
        {
            problems.Add($"strategy '{Strategy}' is not one of {string.Join(", ", EcsDeploymentStrategy.All)}");
        }

        if (Strategy == EcsDeploymentStrategy.Canary && CanaryConfiguration is null)
        {
            problems.Add("CANARY needs canaryConfiguration {canaryPercent, canaryBakeTimeInMinutes}");
        }

        if (Strategy == EcsDeploymentStrategy.Linear && LinearConfiguration is null)
        {
            problems.Add("LINEAR needs linearConfiguration {stepPercent, stepBakeTimeInMinutes}");
        }

        if (ShiftsTraffic && LoadBalancer is null)
        {
            problems.Add($"{Strategy} needs the load balancer's alternate target group, production listener rule and role (loadBalancer.advancedConfiguration)");
        }

        return problems;
    }
}

/// <summary>CANARY: <see cref="CanaryPercent"/> of production traffic moves first and stays for <see cref="CanaryBakeTimeInMinutes"/>, then the rest.</summary>
public sealed record EcsCanaryConfiguration(double CanaryPercent, int CanaryBakeTimeInMinutes);

/// <summary>LINEAR: production traffic moves in steps of <see cref="StepPercent"/>, each held for <see cref="StepBakeTimeInMinutes"/>.</summary>
public sealed record EcsLinearConfiguration(double StepPercent, int StepBakeTimeInMinutes);

/// <summary>The CloudWatch alarms whose ALARM state fails a deployment (<see cref="Rollback"/>: and rolls it back).</summary>
public sealed record EcsAlarmConfiguration(IReadOnlyList<string> AlarmNames, bool Enable, bool Rollback);

/// <summary>The service's load balancer entry as UpdateService takes it, with the traffic-shifting part.</summary>
public sealed record EcsTrafficLoadBalancer(string TargetGroupArn, string ContainerName, int ContainerPort, EcsAdvancedConfiguration AdvancedConfiguration);

/// <summary>
/// ECS's <c>advancedConfiguration</c>: the second target group the new revision starts in, the listener rules whose
/// forward weights ECS changes (production, and test when there is a test listener), and the role ECS assumes to do so.
/// </summary>
public sealed record EcsAdvancedConfiguration(string AlternateTargetGroupArn, string ProductionListenerRule, string? TestListenerRule, string RoleArn);

/// <summary>
/// What UpdateService sends besides the task definition: the strategy, with the service's own circuit breaker and
/// task percentages carried over (ECS takes <c>deploymentConfiguration</c> as one object), and the lifecycle hooks
/// (null: none sent, the service keeps its own; empty: the service's hooks are cleared).
/// </summary>
public sealed record EcsDeploymentSettings(
    EcsStrategySettings Strategy, EcsCircuitBreaker? CircuitBreaker, int? MaximumPercent, int? MinimumHealthyPercent, IReadOnlyList<EcsLifecycleHook>? LifecycleHooks = null);
