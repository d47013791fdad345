using System.Diagnostics;
using Build.Parameters;
using Cake.Core;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace Build.Stages.Accessibility;

/// <summary>
/// One headless browser for a whole run: opens URLs one after another in one tab, runs axe-core with the WCAG 2.0/2.1
/// A and AA rules on each HTML page, and returns typed violations and the page's links.
/// </summary>
/// <remarks>
/// axe-core (bundled in Deque.AxeCore.Commons) is added to every document the browser creates (an init script, so
/// same-origin iframes get it too, and it is cheaper than evaluating 600 KB after each load) and run in the page.
/// Deque.AxeCore.Playwright's <c>RunAxe</c> opens a fresh browser context per page to finish each run (about 1.5 s
/// a page on a 2-core machine against 0.3 s), and its in-page mode is obsolete. Lost: cross-origin iframes.
/// </remarks>
public sealed class AccessibilityScanner : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static readonly IReadOnlyList<string> BrowserArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    // A JSON string: Playwright's own marshalling of the result object adds reference metadata ($id, $values).
    private const string RunAxe = "options => axe.run(document, options).then(results => JSON.stringify(results))";
    private const string HasAxe = "() => typeof window.axe?.run === 'function'";
    private const string CollectLinks = "elements => elements.map(element => element.href)";

    private static readonly object AxeOptions = new { runOnly = new { type = "tag", values = Tags }, resultTypes = new[] { "violations" } };

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IPage _page;
    private readonly string _axeSource;

    private AccessibilityScanner(IPlaywright playwright, IBrowser browser, IPage page, string axeSource, TimeSpan startDuration)
    {
        _playwright = playwright;
        _browser = browser;
        _page = page;
        _axeSource = axeSource;
        StartDuration = startDuration;
    }

    /// <summary>Gets how long starting Playwright's driver, the browser and its tab took.</summary>
    public TimeSpan StartDuration { get; }

    public string BrowserVersion => _browser.Version;

    /// <summary>Gets the axe-core version that ran, once a page was scanned.</summary>
    public string? AxeVersion { get; private set; }

    /// <param name="browserPath">A Chromium or Chrome executable (see <see cref="BrowserLocator"/>).</param>
    /// <param name="pageTimeout">How long one page may take to load.</param>
    public static async Task<AccessibilityScanner> LaunchAsync(string browserPath, TimeSpan pageTimeout)
    {
        var watch = Stopwatch.StartNew();
        var axeSource = new BundledAxeScriptProvider().GetScript();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = browserPath,
                Headless = true,
                Args = BrowserArguments,
            });
            var context = await browser.NewContextAsync();
            await context.AddInitScriptAsync(axeSource);
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout((float)pageTimeout.TotalMilliseconds);
            return new AccessibilityScanner(playwright, browser, page, axeSource, watch.Elapsed);
        }
        catch (PlaywrightException failure)
        {
            playwright.Dispose();
            throw new CakeException($"The browser {browserPath} did not start: {FirstLine(failure.Message)}");
        }
    }

    /// <summary>Opens each URL in turn (no crawling) and scans it.</summary>
    public async Task<IReadOnlyList<PageScan>> ScanAsync(IEnumerable<Uri> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var scans = new List<PageScan>();
        foreach (var url in urls)
        {
            scans.Add((await VisitAsync(url)).Scan);
        }

        return scans;
    }

    /// <summary>Opens <paramref name="url"/>; when it is an HTML page of the same site, runs axe and collects its links.</summary>
    public async Task<PageVisit> VisitAsync(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        IResponse? response;
        try
        {
            response = await _page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        }
        catch (PlaywrightException failure)
        {
            throw new CakeException($"The accessibility scan could not open {url}: {FirstLine(failure.Message)}");
        }

        var landed = new Uri(_page.Url);
        var page = PageScan.PathOf(landed);
        var status = response?.Status;
        if (landed.GetLeftPart(UriPartial.Authority) != url.GetLeftPart(UriPartial.Authority))
        {
            return new PageVisit(new PageScan(url, PageScan.PathOf(url), status, false, $"redirected off the site to {landed}", []), []);
        }

        var contentType = response is null ? null : await response.HeaderValueAsync("content-type");
        if (contentType is not null && !IsHtml(contentType))
        {
            return new PageVisit(new PageScan(landed, page, status, false, $"not an HTML page ({contentType})", []), []);
        }

        var violations = await RunAxeAsync(landed, page);
        var links = await _page.EvalOnSelectorAllAsync<string[]>("a[href], area[href]", CollectLinks);
        var note = status >= 400 ? $"answered HTTP {status}" : null;
        return new PageVisit(new PageScan(landed, page, status, true, note, violations), links);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private async Task<IReadOnlyList<AccessibilityViolation>> RunAxeAsync(Uri url, string page)
    {
        if (!await _page.EvaluateAsync<bool>(HasAxe))
        {
            // The page replaced window.axe with something of its own.
            await _page.EvaluateAsync(_axeSource);
        }

        var result = new AxeResult(JObject.Parse(await _page.EvaluateAsync<string>(RunAxe, AxeOptions)));
        AxeVersion ??= result.TestEngine?.Version;
        return
        [
            .. from item in result.Violations
               from node in item.Nodes
               select new AccessibilityViolation(
                   item.Id,
                   ImpactLevels.Parse(node.Impact ?? item.Impact),
                   url,
                   page,
                   node.Target?.ToString() ?? "",
                   node.Html ?? "",
                   item.Help ?? "",
                   item.HelpUrl ?? "",
                   item.Tags ?? []),
        ];
    }

    private static bool IsHtml(string contentType) =>
        contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
