namespace Build.Tools.Docker;

/// <summary>An image's HEALTHCHECK: the test command (<c>["CMD", ...]</c> or <c>["NONE"]</c>) and its timings in nanoseconds.</summary>
public sealed record DockerHealthcheck(IReadOnlyList<string>? Test, long Interval, long Timeout, long StartPeriod, int Retries)
{
    public bool IsDisabled => Test is null or [] or ["NONE", ..];
}
