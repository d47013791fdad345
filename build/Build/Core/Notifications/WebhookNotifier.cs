using System.Text;
using Build.Core.Secrets;

namespace Build.Core.Notifications;

/// <summary>
/// Posts a <see cref="TaskNotification"/> to the webhook in <see cref="Variable"/>. The URL is a secret (its path is
/// the credential): it is registered for redaction and never printed. Sending never fails the build: a webhook that
/// is missing, not https (loopback http aside), slow or refusing gives one warning line.
/// </summary>
public static class WebhookNotifier
{
    public const string Variable = "NOTIFY_WEBHOOK_URL";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Where the CI run can be seen (GitHub Actions' run page, Jenkins' BUILD_URL); null locally.</summary>
    public static string? RunLink(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (variables("GITHUB_SERVER_URL") is { Length: > 0 } server && variables("GITHUB_REPOSITORY") is { Length: > 0 } repository && variables("GITHUB_RUN_ID") is { Length: > 0 } run)
        {
            return $"{server}/{repository}/actions/runs/{run}";
        }

        return variables("BUILD_URL") is { Length: > 0 } jenkins ? jenkins : null;
    }

    /// <summary>Null when sent (or when no webhook is set); else why not, in words that never hold the URL.</summary>
    public static async Task<string?> SendAsync(string? url, TaskNotification notification, SecretRegistry secrets, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        secrets.Register(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || !(address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback)))
        {
            return $"{Variable} is not an https URL, so nothing was sent";
        }

        try
        {
            using var http = new HttpClient { Timeout = Timeout };
            using var content = new StringContent(notification.Json, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(address, content, cancellation).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"the webhook answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException failed)
        {
            return $"the webhook could not be reached ({secrets.Redact(failed.InnerException?.Message ?? failed.Message)})";
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return $"the webhook did not answer within {Timeout.TotalSeconds:0} s";
        }
    }
}
