namespace Build.Stages.Infrastructure;

/// <summary>Resources whose loss loses data or takes the service down: destroying or replacing them needs --allow-destroy.</summary>
public static class ProtectedResources
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        "aws_ecr_repository",
        "aws_cloudwatch_log_group",
        "aws_ecs_cluster",
        "aws_vpc",
    };

    public static IReadOnlyList<PlannedChange> Threatened(PlanSummary plan) =>
        [.. plan.Changes.Where(change => Types.Contains(change.Type) && change.Action is PlanSummary.Destroy or PlanSummary.Replace)];
}
