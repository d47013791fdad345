using System.Globalization;
using System.Net;
using System.Text;
using Build.Parameters;

namespace Build.Stages.Accessibility;

/// <summary>
/// The report for people (artifacts/accessibility/accessibility.html): one self-contained file, no scripts, every
/// value from the site HTML-escaped, links only to http(s) addresses. It is meant to pass axe itself.
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 75rem; padding: 0 1rem; color: #1b1b1b; background: #fff; line-height: 1.45; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0 2rem; }
        th, td { border: 1px solid #5c6470; padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
        th { background: #f2f4f7; }
        code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
        a { color: #1a4fb5; }
        .failed { color: #b3261e; }
        .passed { color: #1e6b34; }
        .status-failing, .status-expired { font-weight: 700; color: #b3261e; }
        """;

    public static string Write(AccessibilityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var gate = report.Gate;
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>")
            .AppendLine("<html lang=\"en\">")
            .AppendLine("<head>")
            .AppendLine("<meta charset=\"utf-8\">")
            .AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .AppendLine(CultureInfo.InvariantCulture, $"<title>Accessibility report: {E(report.SiteShown)}</title>")
            .AppendLine(CultureInfo.InvariantCulture, $"<style>{Style}</style>")
            .AppendLine("</head>")
            .AppendLine("<body>")
            .AppendLine("<main>")
            .AppendLine("<h1>Accessibility report</h1>")
            .AppendLine(CultureInfo.InvariantCulture, $"<p class=\"{(gate.Passed ? "passed" : "failed")}\"><strong>{E(gate.Message)}</strong></p>")
            .AppendLine(CultureInfo.InvariantCulture,
                $"<p>Site {(report.TemporarySite ? E(report.SiteShown) : Link(report.Site.AbsoluteUri))}, checked {report.StartedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)} with axe-core {E(report.AxeVersion ?? "(not run)")} "
                + $"in {E(report.Browser)} {E(report.BrowserVersion)}; rules tagged {E(string.Join(", ", AccessibilityScanner.Tags))}; the gate fails at <strong>{E(gate.Threshold.Name())}</strong> and above.</p>");

        AppendCounts(html, gate);
        AppendViolations(html, report);
        AppendStale(html, gate);
        AppendPages(html, report);
        html.AppendLine("</main>").AppendLine("</body>").AppendLine("</html>");
        return html.ToString();
    }

    private static void AppendCounts(StringBuilder html, GateResult gate)
    {
        html.AppendLine("<h2>Violations by impact</h2>")
            .AppendLine("<table>")
            .AppendLine("<thead><tr><th scope=\"col\">Impact</th><th scope=\"col\">Violations</th><th scope=\"col\">Failing the gate</th></tr></thead>")
            .AppendLine("<tbody>");
        foreach (var level in Enum.GetValues<ImpactLevel>().Reverse())
        {
            var all = gate.Violations.Count(violation => violation.Violation.Impact == level);
            var failing = gate.Violations.Count(violation => violation.Violation.Impact == level && violation.Fails);
            html.AppendLine(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(level.Name())}</th><td>{all}</td><td>{failing}</td></tr>");
        }

        html.AppendLine("</tbody>").AppendLine("</table>");
    }

    private static void AppendViolations(StringBuilder html, AccessibilityReport report)
    {
        var gate = report.Gate;
        html.AppendLine("<h2>Violations</h2>");
        if (gate.Violations.Count == 0)
        {
            html.AppendLine("<p>None.</p>");
            return;
        }

        html.AppendLine("<table>")
            .AppendLine("<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Impact</th><th scope=\"col\">Gate</th><th scope=\"col\">Page</th><th scope=\"col\">Element</th><th scope=\"col\">Problem</th></tr></thead>")
            .AppendLine("<tbody>");
        var ordered = gate.Violations
            .OrderBy(judged => judged.Fails ? 0 : 1)
            .ThenByDescending(judged => judged.Violation.Impact)
            .ThenBy(judged => judged.Violation.Rule, StringComparer.Ordinal)
            .ThenBy(judged => judged.Violation.Page, StringComparer.Ordinal);
        foreach (var judged in ordered)
        {
            var violation = judged.Violation;
            var status = AccessibilityReport.StatusName(judged.Status);
            var note = judged.Entry is { } entry
                ? $"<br>Baseline: {E(entry.Reason)} (until {entry.Expires.ToString(BaselineFile.DateFormat, CultureInfo.InvariantCulture)})"
                : "";
            html.AppendLine(CultureInfo.InvariantCulture,
                $"<tr><td>{Link(violation.HelpUrl, violation.Rule)}</td><td>{E(violation.Impact.Name())}</td><td class=\"status-{status}\">{E(status)}{note}</td>"
                + $"<td>{PageCell(report, violation.PageUrl, violation.Page)}</td><td><code>{E(violation.Selector)}</code><br><code>{E(violation.Html)}</code></td><td>{E(violation.Help)}</td></tr>");
        }

        html.AppendLine("</tbody>").AppendLine("</table>");
    }

    private static void AppendStale(StringBuilder html, GateResult gate)
    {
        if (gate.Stale.Count == 0)
        {
            return;
        }

        html.AppendLine("<h2>Stale baseline entries</h2>")
            .AppendLine("<p>These accepted violations no longer occur on pages this run checked; remove them from the baseline.</p>")
            .AppendLine("<ul>");
        foreach (var entry in gate.Stale)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<li><code>{E(entry.Rule)}</code> on <code>{E(entry.Page)}</code> at <code>{E(entry.Selector)}</code>: {E(entry.Reason)}</li>");
        }

        html.AppendLine("</ul>");
    }

    private static void AppendPages(StringBuilder html, AccessibilityReport report)
    {
        html.AppendLine("<h2>Pages</h2>");
        if (report.Crawl.NotVisited > 0)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<p>The crawl stopped at its bound of {report.MaxPages} pages; {report.Crawl.NotVisited} more link(s) were not opened.</p>");
        }

        html.AppendLine("<table>")
            .AppendLine("<thead><tr><th scope=\"col\">Page</th><th scope=\"col\">HTTP status</th><th scope=\"col\">Scanned</th><th scope=\"col\">Violations</th><th scope=\"col\">Note</th></tr></thead>")
            .AppendLine("<tbody>");
        foreach (var page in report.Crawl.Pages)
        {
            var status = page.Status?.ToString(CultureInfo.InvariantCulture) ?? "";
            html.AppendLine(CultureInfo.InvariantCulture,
                $"<tr><td>{PageCell(report, page.Url, page.Page)}</td><td>{status}</td><td>{(page.Scanned ? "yes" : "no")}</td><td>{page.Violations.Count}</td><td>{E(page.Note ?? "")}</td></tr>");
        }

        html.AppendLine("</tbody>").AppendLine("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    // Only web addresses become links, so a value from the site can never be a javascript: link.
    // A page of a temporary site is named by its path, without a link to an origin that no longer answers.
    private static string PageCell(AccessibilityReport report, Uri url, string page) =>
        report.TemporarySite ? $"<code>{E(report.Shown(url))}</code>" : Link(url.AbsoluteUri, page);

    private static string Link(string url, string? text = null) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? $"<a href=\"{E(uri.AbsoluteUri)}\">{E(text ?? url)}</a>"
            : E(text ?? url);
}
