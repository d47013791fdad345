using System.Net;

namespace Build.Tools.Machine;

/// <summary>Whether a registry answers at an address: <c>GET http://&lt;address&gt;/v2/</c> gives 200, or 401 from one that wants a login.</summary>
public static class RegistryProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>Null when a registry answers; else what happened instead (refused, timed out, another status).</summary>
    public static string? Problem(string address)
    {
        using var http = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = http.Send(new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{address}/v2/")));
            return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized
                ? null
                : $"http://{address}/v2/ answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException failure)
        {
            return failure.InnerException?.Message ?? failure.Message;
        }
        catch (TaskCanceledException)
        {
            return $"no answer within {Timeout.TotalSeconds:0} s";
        }
    }

    public static bool Answers(string address) => Problem(address) is null;
}
