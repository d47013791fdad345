using Build.Core;
using Build.Tools.Aws.Ecs;
using Cake.Core;

namespace Build.Stages.Infrastructure;

/// <summary>
/// What Apply left for Deploy (artifacts/infrastructure/&lt;env&gt;.json, carried over between runs): where the
/// environment's service runs, from terraform's outputs, for the commit that applied it; the deployment strategy
/// (output <c>deployment_strategy</c>, null for infrastructure recorded before it existed: the service's own strategy
/// stays), the test listener's URL (output <c>test_url</c>, null when there is none), the test-traffic gate's
/// lifecycle hook (output <c>test_traffic_gate</c>, null when there is none: the gate then only polls), the one-off
/// tasks Deploy runs before the service is updated (output <c>pre_deploy_tasks</c>, null when there are none), and the
/// app secrets terraform manages (output <c>app_secrets</c>, null for infrastructure recorded before it existed).
/// </summary>
public sealed record AppliedInfrastructure(
    string Environment,
    string Commit,
    DateTimeOffset AppliedAt,
    string Cluster,
    string Service,
    string Container,
    string TaskFamily,
    string PublicUrl,
    EcsStrategySettings? Strategy = null,
    string? TestUrl = null,
    EcsTestTrafficGate? TestTrafficGate = null,
    PreDeployTasks? PreDeploy = null,
    AppSecrets? Secrets = null) : IStageResult
{
    public static string Missing => "No infrastructure was applied in this run: the Apply target applies it.";

    public static AppliedInfrastructure From(TerraformOutputs outputs, string environment, string commit, DateTimeOffset appliedAt)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return new AppliedInfrastructure(
            environment,
            commit,
            appliedAt,
            outputs.ClusterName,
            outputs.ServiceName,
            outputs.ContainerName,
            outputs.All.GetValueOrDefault("task_family", ""),
            outputs.PublicUrl,
            StrategyFrom(outputs),
            outputs.All.GetValueOrDefault("test_url") is { Length: > 0 } testUrl ? testUrl : null,
            GateFrom(outputs),
            PreDeployTasks.From(outputs),
            AppSecrets.From(outputs));
    }

    /// <summary>The <c>test_traffic_gate</c> output (function, role, verdict prefix); one line naming what is wrong.</summary>
    private static EcsTestTrafficGate? GateFrom(TerraformOutputs outputs)
    {
        var gate = outputs.ReadJson<EcsTestTrafficGate>("test_traffic_gate", "a test-traffic gate");
        if (gate is null)
        {
            return null;
        }

        return gate.Problems() is { Count: 0 }
            ? gate
            : throw new CakeException($"terraform output test_traffic_gate cannot be used: {string.Join("; ", gate.Problems())}; check terraform/test_traffic_gate.tf.");
    }

    /// <summary>The <c>deployment_strategy</c> output (ECS's deploymentConfiguration shape); one line naming what is wrong.</summary>
    private static EcsStrategySettings? StrategyFrom(TerraformOutputs outputs)
    {
        var strategy = outputs.ReadJson<EcsStrategySettings>("deployment_strategy", "a deployment strategy");
        if (strategy is null)
        {
            return null;
        }

        return strategy.Problems() is { Count: 0 }
            ? strategy
            : throw new CakeException($"terraform output deployment_strategy cannot be deployed: {string.Join("; ", strategy.Problems())}; check the environment's tfvars.");
    }
}
