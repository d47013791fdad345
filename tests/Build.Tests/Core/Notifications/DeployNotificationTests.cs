using System.Net;
using System.Text;
using System.Text.Json;
using Build.Core.Notifications;
using Build.Tests.Stages.Deploy;
using Build.Tests.Support;

namespace Build.Tests.Core.Notifications;

/// <summary>
/// The team's webhook through the real build app: an ECS deploy (the fake ECS) posts its outcome as Slack JSON to a
/// local HTTP server; the webhook URL (its path is the credential) appears nowhere; a failing webhook only warns.
/// </summary>
public sealed class DeployNotificationTests : IDisposable
{
    private const string WebhookToken = "T0FAKE/B0FAKE/xq8SeCrEtWeBhOoKtOkEn";

    private readonly EcsDeployScenario _scenario = new();
    private readonly List<string> _posts = [];
    private readonly Lock _gate = new();
    private readonly LoopbackHttpServer _webhook;
    private HttpStatusCode _answer = HttpStatusCode.OK;

    public DeployNotificationTests()
    {
        _webhook = new LoopbackHttpServer(ReceiveAsync);
        _scenario.Build.Environment[WebhookNotifier.Variable] = new Uri(_webhook.BaseUrl, $"services/{WebhookToken}").ToString();
    }

    public void Dispose()
    {
        _webhook.Dispose();
        _scenario.Dispose();
    }

    [Fact]
    public void A_successful_deploy_posts_its_outcome_and_the_webhook_url_is_never_shown()
    {
        _scenario.Record("dev");

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        var text = Assert.Single(Posts());
        Assert.Matches(@"^Deploy \S+ \([0-9a-f]{12}\) to dev succeeded — url: http://127\.0\.0\.1:\d+/", text);
        Assert.Contains("Notified the team (NOTIFY_WEBHOOK_URL): Deploy", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("xq8SeCrEtWeBhOoKtOkEn", run.All, StringComparison.Ordinal);
        Assert.All(_scenario.Build.ReadArtifacts(), artifact => Assert.DoesNotContain("xq8SeCrEtWeBhOoKtOkEn", artifact.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_deploy_posts_the_failure_with_its_reason()
    {
        _scenario.Record("dev");
        _scenario.ServedVersion = "1.2.2";

        var run = _scenario.Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        var text = Assert.Single(Posts());
        Assert.Contains("to dev FAILED — ", text, StringComparison.Ordinal);
        Assert.Contains("rolled back", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_that_fails_warns_and_the_deploy_still_succeeds()
    {
        _scenario.Record("dev");
        _answer = HttpStatusCode.InternalServerError;

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Could not notify the team of Deploy: the webhook answered 500 Internal Server Error; the outcome is in artifacts/summary.md.", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("xq8SeCrEtWeBhOoKtOkEn", run.All, StringComparison.Ordinal);
    }

    private List<string> Posts()
    {
        lock (_gate)
        {
            return [.. _posts];
        }
    }

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
        context.Response.StatusCode = (int)_answer;
        context.Response.Close();
    }
}
