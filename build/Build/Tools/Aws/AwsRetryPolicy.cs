namespace Build.Tools.Aws;

/// <summary>
/// How often and how patiently a throttled or failed AWS call is retried: at most <see cref="MaxAttempts"/> calls,
/// waiting a random time up to <c>BaseDelay * 2^(retry-1)</c> (capped at <see cref="MaxDelay"/>) between them
/// ("full jitter", as the AWS SDKs do), and giving each call <see cref="AttemptTimeout"/>.
/// </summary>
public sealed record AwsRetryPolicy
{
    public const int DefaultMaxAttempts = 5;

    public AwsRetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        MaxAttempts = maxAttempts;
        BaseDelay = baseDelay;
        MaxDelay = maxDelay;
    }

    public static AwsRetryPolicy Default { get; } = new(DefaultMaxAttempts, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(20));

    public int MaxAttempts { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first), given a random number in [0, 1).</summary>
    public TimeSpan DelayBeforeRetry(int retry, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        return TimeSpan.FromMilliseconds(ceiling * Math.Clamp(random, 0, 1));
    }
}
