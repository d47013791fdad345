using System.Net.Sockets;
using Build.Parameters;
using Build.Stages.Accessibility;
using Build.Tests.Support;

namespace Build.Tests.Stages.Accessibility;

[Collection(BrowserTestGroup.Name)]
[Integration("chromium")]
public sealed class SampleServiceTests
{
    [Fact]
    public async Task The_built_service_starts_on_a_free_port_serves_its_stylesheet_and_is_killed_on_dispose()
    {
        var service = Repository.SampleService;
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        int pid;
        await using (var process = await ServiceProcess.StartAsync(DotNetAppLaunch.Create(service.Dll, url, service.WebRoot), url, new Uri(url, "/health"), TimeSpan.FromSeconds(60)))
        {
            pid = process.ProcessId;
            using var http = new HttpClient();
            using var css = await http.GetAsync(new Uri(url, "/css/site.css"));
            Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        }

        await Processes.AssertStopsAsync(pid, "the sample service");
        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", url.Port));
    }

    [Fact]
    public async Task The_sample_service_has_no_serious_or_critical_violation_on_any_page()
    {
        var service = Repository.SampleService;
        var paths = PathList.Load(Path.Combine(Repository.Root, "build", "accessibility", "paths.txt"), "paths.txt");
        var baseline = BaselineFile.Load(Path.Combine(Repository.Root, "build", "accessibility", "baseline.json"), "baseline.json");

        var outcome = await SiteScan.RunAsync(new ScanRequest(null, service.Dll, service.WebRoot, BrowserFixture.BrowserPath, 20, paths, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)));

        var scanned = outcome.Crawl.Pages.Where(page => page.Scanned).Select(page => page.Page).ToList();
        Assert.Contains("/", scanned);
        Assert.Contains("/about", scanned);
        Assert.Contains("/contact", scanned);
        Assert.DoesNotContain("/health", scanned);
        var gate = new ViolationGate(ImpactLevel.Serious, baseline, DateOnly.FromDateTime(DateTime.UtcNow)).Evaluate(outcome.Violations, outcome.ScannedPages);
        Assert.True(gate.Passed, string.Join("\n", gate.Failures.Select(judged => $"{judged.Violation.Rule} on {judged.Violation.Page} at {judged.Violation.Selector}")));
        Assert.Empty(gate.Stale);
    }
}
