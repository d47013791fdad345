using System.Diagnostics;
using System.Globalization;
using Build.Docker;

namespace Build.Deploy;

/// <summary>
/// Waits until a container answers GET /health with 200 on its host port. The image's own HEALTHCHECK is too slow
/// to wait on (its first probe comes after the 30 s interval), so the deploy probes from outside, and watches the
/// container so one that exits fails at once instead of at the timeout.
/// </summary>
public static class ContainerHealthWait
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<TimeSpan> UntilHealthyAsync(DockerContainers containers, string name, Uri url, TimeSpan timeout, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(url);
        var started = Stopwatch.GetTimestamp();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var last = "no answer yet";
        while (true)
        {
            var state = containers.Inspect(name, new DockerContainerSettings())
                ?? throw new DeployCheckFailedException($"container {name} disappeared");
            if (state.HasExited)
            {
                throw new DeployCheckFailedException($"container {name} exited (exit code {state.ExitCode.ToString(CultureInfo.InvariantCulture)}, now {state.Status}) before answering /health");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(url, "health"), cancellation).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return Stopwatch.GetElapsedTime(started);
                }

                last = $"/health answered {(int)response.StatusCode}";
            }
            catch (Exception unreachable) when (unreachable is HttpRequestException or TaskCanceledException)
            {
                last = unreachable is TaskCanceledException ? "/health did not answer within 5 s" : $"/health unreachable ({unreachable.Message})";
            }

            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                throw new DeployCheckFailedException(string.Create(CultureInfo.InvariantCulture, $"{url} did not answer /health with 200 within {timeout.TotalSeconds:0} s (last: {last})"));
            }

            await Task.Delay(PollInterval, cancellation).ConfigureAwait(false);
        }
    }
}
