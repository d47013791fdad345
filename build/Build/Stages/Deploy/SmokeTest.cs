using System.Net.Http.Json;
using System.Text.Json;
using Cake.Core;

namespace Build.Stages.Deploy;

/// <summary>
/// What must hold of a freshly started service before it replaces the old one: /version reports the version that
/// was built (so the right image runs) and the home page renders as HTML. Returns one line per check that passed.
/// </summary>
public static class SmokeTest
{
    public static async Task<IReadOnlyList<string>> RunAsync(Uri url, string? expectedVersion, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
        var checks = new List<string>();
        try
        {
            var version = await http.GetFromJsonAsync<VersionWire>("version", JsonOptions, cancellation).ConfigureAwait(false);
            if (expectedVersion is not null && version?.Version != expectedVersion)
            {
                throw new CakeException($"/version reports {version?.Version ?? "nothing"}, not {expectedVersion}: the container runs another build");
            }

            checks.Add($"/version reports {version?.Version} ({version?.Commit})");
            using var home = await http.GetAsync(new Uri("/", UriKind.Relative), cancellation).ConfigureAwait(false);
            var type = home.Content.Headers.ContentType?.MediaType;
            if (!home.IsSuccessStatusCode || type != "text/html")
            {
                throw new CakeException($"/ answered {(int)home.StatusCode} {type}, not 200 text/html");
            }

            checks.Add("/ renders (200 text/html)");
            return checks;
        }
        catch (Exception failed) when (failed is HttpRequestException or TaskCanceledException or JsonException)
        {
            throw new CakeException($"smoke test failed: {failed.Message}", failed);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private sealed record VersionWire(string? Version, string? Commit);
}
