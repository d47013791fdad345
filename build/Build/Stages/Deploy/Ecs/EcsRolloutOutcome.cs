using Build.Tools.Aws.Ecs;

namespace Build.Stages.Deploy.Ecs;

/// <summary>How following a deployment ended, why (one clause), the service as last seen, and what it took.</summary>
public sealed record EcsRolloutOutcome(EcsRolloutResult Result, string Reason, EcsService Service, string? DeploymentId, int Polls, TimeSpan Elapsed)
{
    public bool IsCompleted => Result == EcsRolloutResult.Completed;

    /// <summary>Gets the shares of production traffic (0-100) the new revision was seen with, in order (traffic-shifting strategies only).</summary>
    public IReadOnlyList<double> ProductionTrafficSteps { get; init; } = [];

    /// <summary>Gets why the test-traffic gate failed; null when it passed or did not run.</summary>
    public string? GateFailure { get; init; }

    /// <summary>Gets the task definition of the PRIMARY deployment as last seen: what the service runs or converges to.</summary>
    public string? RunningTaskDefinition => Service.Primary?.TaskDefinition;
}
