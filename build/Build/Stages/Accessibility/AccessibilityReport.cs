namespace Build.Stages.Accessibility;

/// <summary>Everything one accessibility run found, as the report writers need it.</summary>
/// <param name="Site">The site's base URL.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="Browser">The browser executable.</param>
/// <param name="BrowserVersion">Its version.</param>
/// <param name="AxeVersion">The axe-core version that ran (null when no page was HTML).</param>
/// <param name="MaxPages">The page bound of the crawl.</param>
/// <param name="Crawl">The pages opened, in order, and the links the bound left.</param>
/// <param name="Gate">The verdict on every violation.</param>
/// <param name="Figures">Timings.</param>
public sealed record AccessibilityReport(
    Uri Site,
    DateTimeOffset StartedAt,
    string Browser,
    string BrowserVersion,
    string? AxeVersion,
    int MaxPages,
    CrawlResult Crawl,
    GateResult Gate,
    ScanFigures Figures)
{
    public IReadOnlyList<PageScan> ScannedPages => [.. Crawl.Pages.Where(page => page.Scanned)];

    /// <summary>
    /// Gets a value indicating whether <see cref="Site"/> was the built service on a free loopback port of this run only:
    /// that origin stops answering when the run ends, so the reports show paths (/, /about) instead of its URLs.
    /// A site given with --a11y-url is real and is shown as it is.
    /// </summary>
    public bool TemporarySite { get; init; }

    /// <summary>Gets the site as the reports name it: its URL, or "the built service" for a temporary one.</summary>
    public string SiteShown => TemporarySite ? "the built service (scanned on a temporary loopback port)" : Site.AbsoluteUri;

    /// <summary>A page's address as the reports show it: the path on a temporary site, else the whole URL.</summary>
    public string Shown(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return TemporarySite ? url.PathAndQuery : url.AbsoluteUri;
    }

    public static string StatusName(ViolationStatus status) => status switch
    {
        ViolationStatus.Failing => "failing",
        ViolationStatus.Expired => "expired",
        ViolationStatus.Accepted => "accepted",
        _ => "below-threshold",
    };
}
