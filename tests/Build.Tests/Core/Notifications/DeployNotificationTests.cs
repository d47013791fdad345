using System.Net;
using Build.Core.Notifications;
using Build.Tests.Stages.Deploy;

namespace Build.Tests.Core.Notifications;

/// <summary>
/// The team's webhook through the real build app: an ECS deploy (the fake ECS) posts its outcome as Slack JSON to a
/// local HTTP server; the webhook URL (its path is the credential) appears nowhere; a failing webhook only warns.
/// </summary>
public sealed class DeployNotificationTests : IDisposable
{
    private readonly EcsDeployScenario _scenario = new();
    private readonly FakeTeamWebhook _webhook = new();

    public DeployNotificationTests() => _scenario.Build.Environment[WebhookNotifier.Variable] = _webhook.Url;

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
        var text = Assert.Single(_webhook.Posts());
        Assert.Matches(@"^Deploy \S+ \([0-9a-f]{12}\) to dev succeeded — url: http://127\.0\.0\.1:\d+/", text);
        Assert.Contains("Notified the team (NOTIFY_WEBHOOK_URL): Deploy", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTeamWebhook.SecretPart, run.All, StringComparison.Ordinal);
        Assert.All(_scenario.Build.ReadArtifacts(), artifact => Assert.DoesNotContain(FakeTeamWebhook.SecretPart, artifact.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_deploy_posts_the_failure_with_its_reason()
    {
        _scenario.Record("dev");
        _scenario.ServedVersion = "1.2.2";

        var run = _scenario.Deploy("dev");

        Assert.Equal(1, run.ExitCode);
        var text = Assert.Single(_webhook.Posts());
        Assert.Contains("to dev FAILED — ", text, StringComparison.Ordinal);
        Assert.Contains("rolled back", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_that_fails_warns_and_the_deploy_still_succeeds()
    {
        _scenario.Record("dev");
        _webhook.Answer = HttpStatusCode.InternalServerError;

        var run = _scenario.Deploy("dev");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Could not notify the team of Deploy: the webhook answered 500 Internal Server Error; the outcome is in artifacts/summary.md.", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTeamWebhook.SecretPart, run.All, StringComparison.Ordinal);
    }
}
