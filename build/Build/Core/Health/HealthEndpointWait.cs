using System.Diagnostics;
using System.Globalization;

namespace Build.Core.Health;

/// <summary>
/// Polls a service's health endpoint until it answers 2xx, while watching the service itself (a process, a
/// container) so one that dies fails at once instead of at the timeout. Used by the accessibility scan's service
/// start and by the local deploy; each turns a failure (a predicate without a subject: "did not answer ...") into its
/// own exception.
/// </summary>
public static class HealthEndpointWait
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);

    /// <param name="health">The endpoint, e.g. http://127.0.0.1:8080/health.</param>
    /// <param name="timeout">How long the service may take.</param>
    /// <param name="whyStopped">Null while the service runs; otherwise why it stopped, without a subject ("exited with code 1").</param>
    /// <param name="cancellation">Stops the wait.</param>
    public static async Task<HealthWaitResult> UntilHealthyAsync(Uri health, TimeSpan timeout, Func<string?> whyStopped, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(whyStopped);
        using var http = new HttpClient { Timeout = RequestTimeout };
        var started = Stopwatch.GetTimestamp();
        var last = "no answer yet";
        while (true)
        {
            if (whyStopped() is { } stopped)
            {
                return HealthWaitResult.Failed(stopped, Stopwatch.GetElapsedTime(started));
            }

            try
            {
                using var response = await http.GetAsync(health, cancellation).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return HealthWaitResult.Healthy(Stopwatch.GetElapsedTime(started));
                }

                last = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");
            }
            catch (HttpRequestException unreachable)
            {
                last = unreachable.Message;
            }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
            {
                last = string.Create(CultureInfo.InvariantCulture, $"no answer within {RequestTimeout.TotalSeconds:0} s");
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed >= timeout)
            {
                return HealthWaitResult.Failed(string.Create(CultureInfo.InvariantCulture, $"did not answer {health} with success within {timeout.TotalSeconds:0} s (last: {last})"), elapsed);
            }

            await Task.Delay(PollInterval, cancellation).ConfigureAwait(false);
        }
    }
}
