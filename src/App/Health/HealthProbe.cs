using System.Globalization;

namespace App.Health;

/// <summary>
/// <c>App healthcheck</c>: GETs the liveness endpoint of the app running in this container and exits 0 (healthy)
/// or 1, without starting a web host. The image's HEALTHCHECK uses it because the image has no curl or wget.
/// </summary>
public static class HealthProbe
{
    public const string Argument = "healthcheck";

    public const string Path = "/health";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static bool IsRequested(IReadOnlyList<string> args) => args is [Argument];

    /// <summary>The URL to probe: the first of <c>ASPNETCORE_HTTP_PORTS</c> (e.g. <c>8080;8081</c>), else the default port, on loopback.</summary>
    public static Uri TargetFor(string? httpPorts, int defaultPort)
    {
        var first = httpPorts?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var port = int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is > 0 and <= 65535 ? parsed : defaultPort;
        return new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{Path}");
    }

    /// <summary>Probes <paramref name="target"/>; writes one line (what docker keeps as the probe's output) and returns the exit code.</summary>
    public static async Task<int> RunAsync(Uri target, TimeSpan timeout, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var client = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await client.GetAsync(target).ConfigureAwait(false);
            var healthy = response.IsSuccessStatusCode;
            await output.WriteLineAsync($"{(healthy ? "healthy" : "unhealthy")}: {target} answered {(int)response.StatusCode}").ConfigureAwait(false);
            return healthy ? 0 : 1;
        }
        catch (HttpRequestException error)
        {
            await output.WriteLineAsync($"unhealthy: {target} did not answer ({error.Message})").ConfigureAwait(false);
            return 1;
        }
        catch (TaskCanceledException)
        {
            await output.WriteLineAsync($"unhealthy: {target} did not answer within {timeout.TotalSeconds:0} s").ConfigureAwait(false);
            return 1;
        }
    }
}
