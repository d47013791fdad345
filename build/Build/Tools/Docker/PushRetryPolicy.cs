using System.Text.RegularExpressions;

namespace Build.Tools.Docker;

/// <summary>Which push failures are worth another try, and how long to wait: bounded, exponential backoff.</summary>
public static partial class PushRetryPolicy
{
    public const int DefaultMaxAttempts = 4;

    public static readonly TimeSpan DefaultFirstDelay = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan MaximumDelay = TimeSpan.FromSeconds(30);

    private static readonly string[] TransientMarkers =
    [
        "connection refused",
        "connection reset by peer",
        "i/o timeout",
        "tls handshake timeout",
        "unexpected eof",
        "broken pipe",
        "no such host",
        "net/http: request canceled",
        "toomanyrequests",
        "too many requests",
        "bad gateway",
        "service unavailable",
        "gateway timeout",
    ];

    /// <summary>Gets a value indicating whether the output of a failed push names a network or server hiccup (not, say, "denied").</summary>
    public static bool IsTransient(IEnumerable<string> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.Any(line =>
            TransientMarkers.Any(marker => line.Contains(marker, StringComparison.OrdinalIgnoreCase))
            || TransientStatus().IsMatch(line));
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> (2, 3, ...): first, 2 x first, 4 x first..., at most <see cref="MaximumDelay"/>.</summary>
    public static TimeSpan DelayBefore(int attempt, TimeSpan firstDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 2);
        var factor = Math.Pow(2, Math.Min(attempt - 2, 16));
        var delay = TimeSpan.FromTicks((long)Math.Min(firstDelay.Ticks * factor, MaximumDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    // "received unexpected HTTP status: 503 Service Unavailable", "error parsing HTTP 502 response body".
    [GeneratedRegex(@"\b(?:HTTP|status)\b\D{0,20}\b(?:429|500|502|503|504)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TransientStatus();
}
