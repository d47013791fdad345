using System.Diagnostics;

namespace Build.Stages.Accessibility;

/// <summary>
/// One scan of a site: start the service when asked (and always stop it), launch the browser once, crawl and scan.
/// </summary>
public static class SiteScan
{
    public const string HealthPath = "/health";

    /// <exception cref="ServiceStartException">The service exited or never answered /health (it was stopped).</exception>
    public static async Task<ScanOutcome> RunAsync(ScanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ServiceProcess? service = null;
        try
        {
            double? serviceSeconds = null;
            var site = request.Url;
            if (site is null)
            {
                var dll = request.AppDll ?? throw new ArgumentException("A scan needs a URL or a service to start.", nameof(request));
                var watch = Stopwatch.StartNew();
                var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
                service = await ServiceProcess.StartAsync(DotNetAppLaunch.Create(dll, baseUrl, request.WebRoot), baseUrl, new Uri(baseUrl, HealthPath), request.HealthTimeout);
                serviceSeconds = watch.Elapsed.TotalSeconds;
                site = baseUrl;
            }

            await using var scanner = await AccessibilityScanner.LaunchAsync(request.Browser, request.PageTimeout);
            var scan = Stopwatch.StartNew();
            var crawl = await new SiteCrawler(site, request.MaxPages).CrawlAsync(request.Paths, scanner.VisitAsync);
            return new ScanOutcome(site, crawl, scanner.BrowserVersion, scanner.AxeVersion, serviceSeconds, scanner.StartDuration.TotalSeconds, scan.Elapsed.TotalSeconds);
        }
        finally
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }
        }
    }
}
