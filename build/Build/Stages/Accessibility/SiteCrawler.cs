namespace Build.Stages.Accessibility;

/// <summary>
/// A breadth-first crawl of one site (scheme, host and port of <see cref="Start"/>). The start page and the listed
/// paths are opened first and always; then the same-origin links found, in document order, until
/// <see cref="MaxPages"/> URLs have been opened. Fragments are dropped; mail, script and file links are not followed.
/// What opening a URL means (a browser visit) is the caller's: the crawl itself is pure.
/// </summary>
public sealed class SiteCrawler
{
    // Links to these are downloads or assets, not pages; opening them would only waste the page budget.
    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".css", ".js", ".mjs", ".map", ".json", ".xml", ".txt", ".csv", ".svg", ".png", ".jpg", ".jpeg", ".gif",
        ".webp", ".avif", ".ico", ".bmp", ".pdf", ".zip", ".gz", ".tgz", ".tar", ".woff", ".woff2", ".ttf", ".otf",
        ".eot", ".mp3", ".mp4", ".webm", ".ogg", ".wav", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".exe",
    };

    public SiteCrawler(Uri start, int maxPages)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        if (!start.IsAbsoluteUri || (start.Scheme != Uri.UriSchemeHttp && start.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The crawl starts from an absolute http(s) URL, not '{start}'.", nameof(start));
        }

        Start = WithoutFragment(start);
        MaxPages = maxPages;
    }

    public Uri Start { get; }

    public int MaxPages { get; }

    /// <summary>Opens the start page and <paramref name="paths"/> (each starting with '/'), then follows links.</summary>
    public async Task<CrawlResult> CrawlAsync(IEnumerable<string> paths, Func<Uri, Task<PageVisit>> visit)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(visit);
        var seen = new HashSet<Uri>();
        var queue = new Queue<Uri>();
        var seeds = new List<Uri> { Start };
        seeds.AddRange(paths.Select(path => WithoutFragment(new Uri(Start, path))));
        foreach (var seed in seeds.Where(seen.Add))
        {
            queue.Enqueue(seed);
        }

        var mustOpen = queue.Count;
        var pages = new List<PageScan>();
        while (queue.Count > 0 && (pages.Count < MaxPages || pages.Count < mustOpen))
        {
            var url = queue.Dequeue();
            var result = await visit(url);
            pages.Add(result.Scan);
            foreach (var link in result.Links)
            {
                if (Follow(url, link) is { } next && seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return new CrawlResult(pages, queue.Count);
    }

    /// <summary>The page a link leads to, without its fragment, or null when the crawl does not follow it.</summary>
    public Uri? Follow(Uri page, string href)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(page, href.Trim(), out var target))
        {
            return null;
        }

        var sameOrigin = target.Scheme == Start.Scheme
            && string.Equals(target.IdnHost, Start.IdnHost, StringComparison.OrdinalIgnoreCase)
            && target.Port == Start.Port;
        return sameOrigin && !FileExtensions.Contains(Path.GetExtension(target.AbsolutePath)) ? WithoutFragment(target) : null;
    }

    private static Uri WithoutFragment(Uri url) => new(url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped));
}
