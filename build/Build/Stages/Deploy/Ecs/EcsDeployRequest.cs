using Build.Stages.Infrastructure;
using Build.Tools.Aws.Ecs;

namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// What to deploy to an ECS service and how to judge it: the image by digest (<c>repository@sha256:...</c>, never a
/// tag) for the container named <paramref name="Container"/>, the version /version must report at
/// <paramref name="ServiceUrl"/>, and how long the rollout (and, after a failed smoke test, the rollback) may take.
/// <paramref name="Strategy"/> is the environment's deployment strategy (null: UpdateService names none, the service
/// keeps its own); <paramref name="TestUrl"/> the test listener's URL, where a traffic-shifting strategy's test-traffic
/// gate runs the smoke test before production traffic moves (null: no gate); <paramref name="TestTrafficGate"/> the
/// lifecycle hook that holds the deployment for the gate's verdict (null: the gate polls, nothing holds the deployment).
/// <paramref name="PreDeploy"/> names the one-off tasks (prod's backup, then the migration) that run from the new
/// revision before UpdateService (null: none); <paramref name="Secrets"/> the app secrets terraform manages, which the
/// new revision's container gets (null: its secrets are carried over as they are).
/// </summary>
public sealed record EcsDeployRequest(
    string Cluster,
    string Service,
    string Container,
    string Image,
    string? ExpectedVersion,
    Uri ServiceUrl,
    TimeSpan Timeout,
    EcsStrategySettings? Strategy = null,
    Uri? TestUrl = null,
    EcsTestTrafficGate? TestTrafficGate = null,
    PreDeployTasks? PreDeploy = null,
    AppSecrets? Secrets = null)
{
    /// <summary>Gets "cluster/service", as messages name the target.</summary>
    public string Target => $"{Cluster}/{Service}";
}
