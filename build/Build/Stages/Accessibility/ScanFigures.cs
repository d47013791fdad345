namespace Build.Stages.Accessibility;

/// <summary>Where the time of one run went, in seconds.</summary>
/// <param name="ServiceStartSeconds">Starting the service until /health answered; null when an external URL was checked.</param>
/// <param name="BrowserStartSeconds">Starting Playwright's driver, the browser and its tab.</param>
/// <param name="ScanSeconds">Opening, scanning and crawling every page.</param>
/// <param name="TotalSeconds">The whole target, from its start to the verdict.</param>
public sealed record ScanFigures(double? ServiceStartSeconds, double BrowserStartSeconds, double ScanSeconds, double TotalSeconds)
{
    public double PagesPerSecond(int pages) => ScanSeconds > 0 ? Math.Round(pages / ScanSeconds, 2) : 0;

    /// <summary>The share (0-1) of the run spent starting the browser.</summary>
    public double BrowserStartShare => TotalSeconds > 0 ? Math.Round(BrowserStartSeconds / TotalSeconds, 3) : 0;
}
