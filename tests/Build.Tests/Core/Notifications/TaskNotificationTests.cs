using Build.Core.Notifications;
using Build.Core.Secrets;

namespace Build.Tests.Core.Notifications;

public sealed class TaskNotificationTests
{
    [Fact]
    public void A_success_names_the_task_version_environment_and_the_outputs_that_matter()
    {
        var outputs = new Dictionary<string, string> { ["url"] = "https://app.example/", ["api calls"] = "9", ["reference"] = "r@sha256:1" };

        var notification = TaskNotification.For("Deploy", "staging", "1.4.0 (0123456789ab)", null, outputs, "https://github.com/o/r/actions/runs/7");

        Assert.Equal("Deploy 1.4.0 (0123456789ab) to staging succeeded — url: https://app.example/; reference: r@sha256:1 (https://github.com/o/r/actions/runs/7)", notification.Text);
        Assert.Equal("{\"text\":\"Deploy 1.4.0 (0123456789ab) to staging succeeded \\u2014 url: https://app.example/; reference: r@sha256:1 (https://github.com/o/r/actions/runs/7)\"}", notification.Json);
    }

    [Fact]
    public void A_failure_carries_its_error_line_and_a_release_names_no_environment()
    {
        var failed = TaskNotification.For("Release", null, "1.4.0 (0123456789ab)", "git push failed", new Dictionary<string, string> { ["release"] = "v1.4.0" }, null);

        Assert.Equal("Release 1.4.0 (0123456789ab) FAILED — release: v1.4.0; git push failed", failed.Text);
    }

    [Theory]
    [InlineData("http://hooks.example/services/x", "is not an https URL")]
    [InlineData("not a url", "is not an https URL")]
    public async Task A_webhook_that_is_not_https_is_not_called_and_the_reason_never_holds_the_url(string url, string reason)
    {
        var secrets = new SecretRegistry();

        var problem = await WebhookNotifier.SendAsync(url, new TaskNotification("x"), secrets, CancellationToken.None);

        Assert.Contains(reason, problem, StringComparison.Ordinal);
        Assert.DoesNotContain(url, problem!, StringComparison.Ordinal);
        Assert.Equal("a *** b", secrets.Redact($"a {url} b"));
    }

    [Fact]
    public void The_run_link_is_the_ci_run_page()
    {
        var github = new Dictionary<string, string> { ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "o/r", ["GITHUB_RUN_ID"] = "7" };
        var jenkins = new Dictionary<string, string> { ["BUILD_URL"] = "https://ci.example/job/app/12/" };

        Assert.Equal("https://github.com/o/r/actions/runs/7", WebhookNotifier.RunLink(github.GetValueOrDefault));
        Assert.Equal("https://ci.example/job/app/12/", WebhookNotifier.RunLink(jenkins.GetValueOrDefault));
        Assert.Null(WebhookNotifier.RunLink(_ => null));
    }
}
