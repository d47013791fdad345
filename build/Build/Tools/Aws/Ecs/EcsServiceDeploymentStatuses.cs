namespace Build.Tools.Aws.Ecs;

/// <summary>A service deployment's status (DescribeServiceDeployments) and lifecycle stages.</summary>
public static class EcsServiceDeploymentStatuses
{
    public const string Pending = "PENDING";
    public const string InProgress = "IN_PROGRESS";
    public const string Successful = "SUCCESSFUL";
    public const string Stopped = "STOPPED";
    public const string StopRequested = "STOP_REQUESTED";
    public const string RollbackRequested = "ROLLBACK_REQUESTED";
    public const string RollbackInProgress = "ROLLBACK_IN_PROGRESS";
    public const string RollbackSuccessful = "ROLLBACK_SUCCESSFUL";
    public const string RollbackFailed = "ROLLBACK_FAILED";

    public const string TestTrafficShift = "TEST_TRAFFIC_SHIFT";
    public const string PostTestTrafficShift = "POST_TEST_TRAFFIC_SHIFT";
    public const string ProductionTrafficShift = "PRODUCTION_TRAFFIC_SHIFT";
    public const string PostProductionTrafficShift = "POST_PRODUCTION_TRAFFIC_SHIFT";
    public const string BakeTime = "BAKE_TIME";
    public const string CleanUp = "CLEAN_UP";

    /// <summary>Gets a value indicating whether nothing more will happen to a deployment in <paramref name="status"/>.</summary>
    public static bool IsFinal(string status) => status is Successful or Stopped or RollbackSuccessful or RollbackFailed;

    /// <summary>Gets a value indicating whether a deployment in <paramref name="status"/> is being, or was, rolled back.</summary>
    public static bool IsRollback(string status) => status.StartsWith("ROLLBACK_", StringComparison.Ordinal);

    /// <summary>Gets a value indicating whether production traffic may already reach the new revision in <paramref name="stage"/>.</summary>
    public static bool ProductionMayHaveMoved(string? stage) => stage is ProductionTrafficShift or PostProductionTrafficShift or BakeTime or CleanUp;
}
