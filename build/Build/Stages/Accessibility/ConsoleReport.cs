using System.Globalization;
using Build.Core.Ci;
using Build.Parameters;

namespace Build.Stages.Accessibility;

/// <summary>The lines the task prints: every violation at every impact (rule, impact, page, selector, help URL), then the baseline's state.</summary>
public static class ConsoleReport
{
    /// <param name="report">The run.</param>
    /// <param name="baselineName">How the baseline file is named in advice, e.g. build/accessibility/baseline.json.</param>
    public static IReadOnlyList<(AnnotationLevel Level, string Text)> Lines(AccessibilityReport report, string baselineName)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<(AnnotationLevel, string)>();
        foreach (var page in report.Crawl.Pages.Where(page => page.Note is not null))
        {
            lines.Add((AnnotationLevel.Notice, $"{page.Page}: {page.Note}{(page.Scanned ? "" : "; not scanned")}."));
        }

        var ordered = report.Gate.Violations
            .OrderBy(judged => judged.Fails ? 1 : 0)
            .ThenByDescending(judged => judged.Violation.Impact)
            .ThenBy(judged => judged.Violation.Rule, StringComparer.Ordinal);
        foreach (var judged in ordered)
        {
            var violation = judged.Violation;
            var verdict = judged.Status switch
            {
                ViolationStatus.Failing => "FAILS",
                ViolationStatus.Expired => string.Create(CultureInfo.InvariantCulture, $"FAILS (baseline entry expired {judged.Entry!.Expires:yyyy-MM-dd})"),
                ViolationStatus.Accepted => string.Create(CultureInfo.InvariantCulture, $"accepted until {judged.Entry!.Expires:yyyy-MM-dd}"),
                _ => "below the gate",
            };
            lines.Add((judged.Fails ? AnnotationLevel.Error : AnnotationLevel.Notice,
                $"{violation.Rule} ({violation.Impact.Name()}) on {violation.Page} at {violation.Selector}: {violation.Help} {violation.HelpUrl} [{verdict}]"));
        }

        foreach (var entry in report.Gate.Violations.Where(judged => judged.Status == ViolationStatus.Expired).Select(judged => judged.Entry!).Distinct())
        {
            lines.Add((AnnotationLevel.Error, string.Create(CultureInfo.InvariantCulture,
                $"Baseline entry expired on {entry.Expires:yyyy-MM-dd}: {entry.Rule} on {entry.Page} at '{entry.Selector}' ({entry.Reason}); fix the page or extend 'expires' in {baselineName}.")));
        }

        foreach (var entry in report.Gate.Stale)
        {
            lines.Add((AnnotationLevel.Warning, $"Stale baseline entry: {entry} matches nothing on {entry.Page} any more; remove it from {baselineName}."));
        }

        if (report.Crawl.NotVisited > 0)
        {
            lines.Add((AnnotationLevel.Warning, string.Create(CultureInfo.InvariantCulture,
                $"The crawl stopped at its bound of {report.MaxPages} pages; {report.Crawl.NotVisited} more link(s) were not opened (raise --{ArgumentNames.AccessibilityMaxPages}).")));
        }

        return lines;
    }
}
