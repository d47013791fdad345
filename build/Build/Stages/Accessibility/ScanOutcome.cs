namespace Build.Stages.Accessibility;

/// <summary>What a scan of a site gave, before the gate judges it.</summary>
public sealed record ScanOutcome(
    Uri Site,
    CrawlResult Crawl,
    string BrowserVersion,
    string? AxeVersion,
    double? ServiceStartSeconds,
    double BrowserStartSeconds,
    double ScanSeconds)
{
    /// <summary>Every violation once (two URLs can land on the same page).</summary>
    public IReadOnlyList<AccessibilityViolation> Violations =>
        [.. Crawl.Pages.SelectMany(page => page.Violations).DistinctBy(violation => (violation.Rule, violation.Page, violation.Selector))];

    public IReadOnlySet<string> ScannedPages => Crawl.Pages.Where(page => page.Scanned).Select(page => page.Page).ToHashSet(StringComparer.Ordinal);
}
