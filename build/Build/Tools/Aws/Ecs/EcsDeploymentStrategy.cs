namespace Build.Tools.Aws.Ecs;

/// <summary>
/// How a service deploys (UpdateService's <c>deploymentConfiguration.strategy</c>, ECS deployment controller only):
/// ROLLING replaces tasks in place; BLUE_GREEN, CANARY and LINEAR start the new revision beside the old one and move
/// load balancer traffic to it (all at once, a canary share first, or in equal steps), without CodeDeploy.
/// </summary>
public static class EcsDeploymentStrategy
{
    public const string Rolling = "ROLLING";
    public const string BlueGreen = "BLUE_GREEN";
    public const string Linear = "LINEAR";
    public const string Canary = "CANARY";

    public static IReadOnlyList<string> All { get; } = [Rolling, BlueGreen, Linear, Canary];

    /// <summary>Gets a value indicating whether <paramref name="strategy"/> shifts traffic between two target groups (everything but ROLLING).</summary>
    public static bool ShiftsTraffic(string strategy) => strategy is BlueGreen or Linear or Canary;
}
