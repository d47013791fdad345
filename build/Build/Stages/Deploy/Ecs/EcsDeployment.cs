using Build.Core;

namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// A successful ECS deploy: the service runs <paramref name="TaskDefinitionArn"/> (the image by digest) through
/// deployment <paramref name="DeploymentId"/>, COMPLETED and smoke-tested; <paramref name="PreviousTaskDefinitionArn"/>
/// is what it replaced (what to roll back to).
/// </summary>
public sealed record EcsDeployment(
    string Cluster,
    string Service,
    string DeploymentId,
    string TaskDefinitionArn,
    string PreviousTaskDefinitionArn,
    string Image,
    string? Version,
    Uri ServiceUrl,
    EcsDeployTimings Timings,
    IReadOnlyList<string> Checks,
    IReadOnlyDictionary<string, int> ApiCalls,
    int Polls) : IStageResult
{
    /// <summary>Gets the strategy the deployment ran with (null: the service's own, UpdateService named none).</summary>
    public string? Strategy { get; init; }

    /// <summary>Gets the shares of production traffic (0-100) the new revision went through (traffic-shifting strategies).</summary>
    public IReadOnlyList<double> ProductionTrafficSteps { get; init; } = [];

    /// <summary>Gets the pre-deploy tasks that ran (and exited 0) before the service was updated, in order.</summary>
    public IReadOnlyList<EcsOneOffTaskRun> PreDeployRuns { get; init; } = [];

    public static string Missing => "Nothing was deployed to ECS in this run: the Deploy target deploys.";
}
