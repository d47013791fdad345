namespace Build.Core.Reporting;

/// <summary>The statuses a task can end with in the build report.</summary>
public static class TaskStatuses
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Skipped = "Skipped";

    /// <summary>The task that was running when the build was interrupted (SIGINT/SIGTERM), or the one that would have started.</summary>
    public const string Interrupted = "Interrupted";
}
