using System.Text.Json;
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
        if (outputs.All.GetValueOrDefault("test_traffic_gate") is not { Length: > 0 } json || json == "null")
        {
            return null;
        }

        EcsTestTrafficGate? gate;
        try
        {
            gate = JsonSerializer.Deserialize<EcsTestTrafficGate>(json, JsonDefaults.Indented);
        }
        catch (JsonException unreadable)
        {
            throw new CakeException($"terraform output test_traffic_gate is not a test-traffic gate ({unreadable.Message}): check terraform/outputs.tf.");
        }

        return gate is null || gate.Problems() is not { Count: 0 } problems
            ? throw new CakeException($"terraform output test_traffic_gate cannot be used: {string.Join("; ", gate?.Problems() ?? ["it is empty"])}; check terraform/test_traffic_gate.tf.")
            : gate;
    }

    /// <summary>The <c>deployment_strategy</c> output (ECS's deploymentConfiguration shape); one line naming what is wrong.</summary>
    private static EcsStrategySettings? StrategyFrom(TerraformOutputs outputs)
    {
        if (outputs.All.GetValueOrDefault("deployment_strategy") is not { Length: > 0 } json || json == "null")
        {
            return null;
        }

        EcsStrategySettings? strategy;
        try
        {
            strategy = JsonSerializer.Deserialize<EcsStrategySettings>(json, JsonDefaults.Indented);
        }
        catch (JsonException unreadable)
        {
            throw new CakeException($"terraform output deployment_strategy is not a deployment strategy ({unreadable.Message}): check terraform/outputs.tf.");
        }

        return strategy is null || strategy.Problems() is not { Count: 0 } problems
            ? throw new CakeException($"terraform output deployment_strategy cannot be deployed: {string.Join("; ", strategy?.Problems() ?? ["it is empty"])}; check the environment's tfvars.")
            : strategy;
    }
}
