using System.Globalization;
using System.Text;
using Build.Core.Text;
using Build.Parameters;

namespace Build.Stages.Accessibility;

/// <summary>The Accessibility section of the build summary (summary.md, the CI step summary).</summary>
public static class MarkdownSummary
{
    public const int MaxRows = 30;

    /// <param name="report">The run.</param>
    /// <param name="reportsFolder">Where the HTML, JSON and SARIF reports are, as people should read it.</param>
    public static string Write(AccessibilityReport report, string reportsFolder)
    {
        ArgumentNullException.ThrowIfNull(report);
        var gate = report.Gate;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{report.ScannedPages.Count} page(s) of {MarkdownText.Escape(report.SiteShown)} checked with axe-core {report.AxeVersion ?? "(not run)"} "
            + $"({string.Join(", ", AccessibilityScanner.Tags)}); the gate fails at **{gate.Threshold.Name()}** and above.");
        text.AppendLine();
        text.AppendLine(MarkdownText.Escape(gate.Message));
        if (report.Crawl.NotVisited > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"The crawl stopped at {report.MaxPages} pages; {report.Crawl.NotVisited} more link(s) were not opened.");
        }

        if (gate.Violations.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("| Rule | Impact | Gate | Page | Element |");
            text.AppendLine("|---|---|---|---|---|");
            var ordered = gate.Violations.OrderBy(judged => judged.Fails ? 0 : 1).ThenByDescending(judged => judged.Violation.Impact).ToList();
            foreach (var judged in ordered.Take(MaxRows))
            {
                var violation = judged.Violation;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {MarkdownText.Escape(violation.Rule)} | {violation.Impact.Name()} | {AccessibilityReport.StatusName(judged.Status)} | {MarkdownText.Escape(violation.Page)} | {MarkdownText.Escape(violation.Selector)} |");
            }

            if (ordered.Count > MaxRows)
            {
                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture, $"... and {ordered.Count - MaxRows} more in the HTML report.");
            }
        }

        foreach (var entry in gate.Stale)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Stale baseline entry (matches nothing now; remove it): {MarkdownText.Escape(entry.ToString())}");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Reports: `{reportsFolder}/accessibility.html`, `.json`, `.sarif`.");
        return text.ToString();
    }
}
