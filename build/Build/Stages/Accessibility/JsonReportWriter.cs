using System.Text.Json;
using Build.Parameters;

namespace Build.Stages.Accessibility;

/// <summary>The machine-readable report (artifacts/accessibility/accessibility.json): verdict, figures, every finding.</summary>
public static class JsonReportWriter
{
    public static string Write(AccessibilityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var gate = report.Gate;
        var pages = report.ScannedPages.Count;
        return JsonSerializer.Serialize(
            new
            {
                site = report.SiteShown,
                temporarySite = report.TemporarySite,
                startedAt = report.StartedAt,
                passed = gate.Passed,
                threshold = gate.Threshold.Name(),
                tags = AccessibilityScanner.Tags,
                browser = new { path = report.Browser, version = report.BrowserVersion },
                axeVersion = report.AxeVersion,
                maxPages = report.MaxPages,
                pages,
                urlsOpened = report.Crawl.Pages.Count,
                notVisited = report.Crawl.NotVisited,
                violations = gate.Violations.Count,
                failing = gate.Failures.Count,
                byImpact = Enum.GetValues<ImpactLevel>().Reverse().ToDictionary(
                    level => level.Name(),
                    level => gate.Violations.Count(violation => violation.Violation.Impact == level),
                    StringComparer.Ordinal),
                serviceStartSeconds = Round(report.Figures.ServiceStartSeconds),
                browserStartSeconds = Round(report.Figures.BrowserStartSeconds),
                scanSeconds = Round(report.Figures.ScanSeconds),
                totalSeconds = Round(report.Figures.TotalSeconds),
                pagesPerSecond = report.Figures.PagesPerSecond(pages),
                browserStartShare = report.Figures.BrowserStartShare,
                pageResults = report.Crawl.Pages.Select(page => new
                {
                    url = report.Shown(page.Url),
                    page = page.Page,
                    status = page.Status,
                    scanned = page.Scanned,
                    note = page.Note,
                    violations = page.Violations.Count,
                }),
                findings = gate.Violations.Select(judged => new
                {
                    rule = judged.Violation.Rule,
                    impact = judged.Violation.Impact.Name(),
                    status = AccessibilityReport.StatusName(judged.Status),
                    page = judged.Violation.Page,
                    url = report.Shown(judged.Violation.PageUrl),
                    selector = judged.Violation.Selector,
                    html = judged.Violation.Html,
                    help = judged.Violation.Help,
                    helpUrl = judged.Violation.HelpUrl,
                    tags = judged.Violation.Tags,
                    baseline = judged.Entry is null ? null : Entry(judged.Entry),
                }),
                staleBaseline = gate.Stale.Select(Entry),
            },
            ReportJson.Options);
    }

    private static object Entry(BaselineEntry entry) =>
        new { rule = entry.Rule, page = entry.Page, selector = entry.Selector, reason = entry.Reason, expires = entry.Expires.ToString(BaselineFile.DateFormat, System.Globalization.CultureInfo.InvariantCulture) };

    private static double? Round(double? seconds) => seconds is null ? null : Math.Round(seconds.Value, 3);

    private static double Round(double seconds) => Math.Round(seconds, 3);
}
