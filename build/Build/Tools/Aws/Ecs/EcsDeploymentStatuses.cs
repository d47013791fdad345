namespace Build.Tools.Aws.Ecs;

/// <summary>
/// A deployment's status: PRIMARY is the newest (what the service converges to), ACTIVE ones still have tasks being
/// replaced, INACTIVE ones were replaced completely (ECS soon stops listing them).
/// </summary>
public static class EcsDeploymentStatuses
{
    public const string Primary = "PRIMARY";
    public const string Active = "ACTIVE";
    public const string Inactive = "INACTIVE";
}
