using System.Globalization;
using Build.Stages.Accessibility;
using Build.Tests.Support;

namespace Build.Tests.Stages.Accessibility;

[Collection(BrowserTestGroup.Name)]
[Integration("chromium")]
public sealed class SiteCrawlerTests(BrowserFixture browser) : IDisposable
{
    private readonly FixtureSite _site = new();

    public void Dispose() => _site.Dispose();

    private Task<CrawlResult> CrawlAsync(int maxPages, params string[] paths) =>
        new SiteCrawler(_site.BaseUrl, maxPages).CrawlAsync(paths, browser.Scanner.VisitAsync);

    [Fact]
    public async Task It_follows_same_origin_page_links_once_and_nothing_else()
    {
        _site
            .Page("/", FixtureSite.Html("Home", """
                <ul>
                  <li><a href="/a">A</a></li>
                  <li><a href="b">B</a></li>
                  <li><a href="/a#details">A again, with a fragment</a></li>
                  <li><a href="#top">This page</a></li>
                  <li><a href="mailto:team@example.invalid">Mail</a></li>
                  <li><a href="tel:+441234567890">Phone</a></li>
                  <li><a href="https://example.invalid/elsewhere">Another site</a></li>
                  <li><a href="/site.css">A stylesheet</a></li>
                  <li><a href="/logo.SVG">A picture</a></li>
                  <li><a href="/health">A JSON endpoint</a></li>
                </ul>
                """))
            .Page("/a", FixtureSite.Html("A", "<p><a href=\"/c\">C</a> <a href=\"/\">Home</a></p>"))
            .Page("/b", FixtureSite.Html("B", "<p><a href=\"/a\">A</a></p>"))
            .Page("/c", FixtureSite.Html("C", "<p>The end.</p>"))
            .Route("/health", 200, "application/json", """{"status":"Healthy"}""");

        var result = await CrawlAsync(20);

        Assert.Equal(["/", "/a", "/b", "/health", "/c"], result.Pages.Select(page => page.Page));
        Assert.Equal(["/", "/a", "/b", "/c"], result.Pages.Where(page => page.Scanned).Select(page => page.Page));
        Assert.Equal(0, result.NotVisited);
        Assert.Equal(["/", "/a", "/b", "/health", "/c"], _site.Requests.Where(path => path != "/favicon.ico"));
    }

    [Fact]
    public async Task It_stops_at_the_page_bound_and_counts_the_links_it_left()
    {
        for (var number = 1; number <= 10; number++)
        {
            var path = number == 1 ? "/" : string.Create(CultureInfo.InvariantCulture, $"/page/{number}");
            _site.Page(path, FixtureSite.Html("Page", string.Create(CultureInfo.InvariantCulture, $"<p><a href=\"/page/{number + 1}\">Next</a> <a href=\"/page/{number + 2}\">After next</a></p>")));
        }

        var result = await CrawlAsync(3);

        Assert.Equal(["/", "/page/2", "/page/3"], result.Pages.Select(page => page.Page));
        Assert.Equal(2, result.NotVisited);
        Assert.DoesNotContain("/page/4", _site.Requests);
    }

    [Fact]
    public async Task Listed_paths_are_opened_first_and_always_even_beyond_the_bound()
    {
        _site
            .Page("/", FixtureSite.Html("Home", "<p><a href=\"/linked\">Linked</a></p>"))
            .Page("/listed", FixtureSite.Html("Listed", "<p>Not linked from anywhere.</p>"))
            .Page("/linked", FixtureSite.Html("Linked", "<p>Linked.</p>"));

        var result = await CrawlAsync(1, "/listed", "/");

        Assert.Equal(["/", "/listed"], result.Pages.Select(page => page.Page));
        Assert.Equal(1, result.NotVisited);
    }

    [Theory]
    [InlineData("/about", "http://127.0.0.1:5000/about")]
    [InlineData("about?tab=2#part", "http://127.0.0.1:5000/docs/about?tab=2")]
    [InlineData("http://127.0.0.1:5000/x#y", "http://127.0.0.1:5000/x")]
    [InlineData("HTTP://127.0.0.1:5000/Case", "http://127.0.0.1:5000/Case")]
    [InlineData("http://127.0.0.1:5001/other-port", null)]
    [InlineData("https://127.0.0.1:5000/other-scheme", null)]
    [InlineData("http://localhost:5000/other-host", null)]
    [InlineData("//example.invalid/protocol-relative", null)]
    [InlineData("mailto:team@example.invalid", null)]
    [InlineData("javascript:void(0)", null)]
    [InlineData("/styles/site.CSS", null)]
    [InlineData("/files/report.pdf?download=1", null)]
    [InlineData("   ", null)]
    public void Follow_resolves_a_link_drops_its_fragment_and_keeps_to_the_site_and_its_pages(string href, string? expected)
    {
        var crawler = new SiteCrawler(new Uri("http://127.0.0.1:5000/"), 5);

        var next = crawler.Follow(new Uri("http://127.0.0.1:5000/docs/index"), href);

        Assert.Equal(expected, next?.AbsoluteUri);
    }
}
