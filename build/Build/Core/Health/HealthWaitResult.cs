namespace Build.Core.Health;

/// <summary>How a health wait ended: healthy after <see cref="Elapsed"/>, or not, for <see cref="Failure"/> (one line).</summary>
public sealed record HealthWaitResult(bool IsHealthy, TimeSpan Elapsed, string? Failure)
{
    public static HealthWaitResult Healthy(TimeSpan elapsed) => new(true, elapsed, null);

    public static HealthWaitResult Failed(string failure, TimeSpan elapsed) => new(false, elapsed, failure);
}
