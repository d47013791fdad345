namespace Build.Tools.Docker;

/// <summary>Settings of <c>docker push</c>: how often and how patiently a transient failure is retried (each attempt bounded by the tool timeout).</summary>
public sealed class DockerPushSettings : DockerSettings
{
    /// <summary>Gets or sets how many times the push is tried in all (at least 1).</summary>
    public int MaxAttempts { get; set; } = PushRetryPolicy.DefaultMaxAttempts;

    /// <summary>Gets or sets the wait before the second attempt; it doubles for each further attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = PushRetryPolicy.DefaultFirstDelay;
}
