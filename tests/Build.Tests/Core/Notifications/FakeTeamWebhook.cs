using System.Net;
using System.Text;
using System.Text.Json;
using Build.Tests.Support;

namespace Build.Tests.Core.Notifications;

/// <summary>
/// A Slack-compatible incoming webhook on loopback: records the "text" of every JSON post and answers
/// <see cref="Answer"/>. Its URL carries <see cref="Token"/> in the path, as Slack's do (the path is the credential).
/// </summary>
internal sealed class FakeTeamWebhook : IDisposable
{
    public const string Token = "T0FAKE/B0FAKE/xq8SeCrEtWeBhOoKtOkEn";

    /// <summary>The part of the token a leak would show; it must appear in no output or artifact.</summary>
    public const string SecretPart = "xq8SeCrEtWeBhOoKtOkEn";

    private readonly List<string> _posts = [];
    private readonly Lock _gate = new();
    private readonly LoopbackHttpServer _server;

    public FakeTeamWebhook()
    {
        _server = new LoopbackHttpServer(ReceiveAsync);
        Url = new Uri(_server.BaseUrl, $"services/{Token}").ToString();
    }

    public string Url { get; }

    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    public List<string> Posts()
    {
        lock (_gate)
        {
            return [.. _posts];
        }
    }

    public void Dispose() => _server.Dispose();

    private async Task ReceiveAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        using (var json = JsonDocument.Parse(body))
        {
            lock (_gate)
            {
                _posts.Add(json.RootElement.GetProperty("text").GetString()!);
            }
        }

        Assert.Equal("application/json", context.Request.ContentType?.Split(';')[0]);
        context.Response.StatusCode = (int)Answer;
        context.Response.Close();
    }
}
