using Build.Parameters;
using Build.Stages.Accessibility;
namespace Build.Tests.Stages.Accessibility;

/// <summary>Hand-made violations and baseline entries for the pure tests.</summary>
public static class Sample
{
    public static readonly DateOnly Today = new(2025, 6, 15);

    public static AccessibilityViolation Violation(string rule, ImpactLevel impact, string page = "/", string selector = "#x") =>
        new(rule, impact, new Uri(new Uri("http://127.0.0.1:5000/"), page), page, selector, $"<div id=\"x\">{rule}</div>", $"Help for {rule}", $"https://dequeuniversity.com/rules/axe/4.14/{rule}", ["wcag2aa"]);

    public static BaselineEntry Entry(string rule, string page = "/", string selector = "#x", DateOnly? expires = null) =>
        new(rule, page, selector, "Tracked in issue 42", expires ?? Today.AddDays(30));

    public static AccessibilityReport Report(GateResult gate, IReadOnlyList<PageScan>? pages = null, int notVisited = 0) =>
        new(
            new Uri("http://127.0.0.1:5000/"),
            new DateTimeOffset(2025, 6, 15, 10, 0, 0, TimeSpan.Zero),
            "/usr/bin/chromium",
            "156.0",
            "4.14.0",
            20,
            new CrawlResult(pages ?? [new PageScan(new Uri("http://127.0.0.1:5000/"), "/", 200, true, null, [.. gate.Violations.Select(judged => judged.Violation)])], notVisited),
            gate,
            new ScanFigures(1.5, 1.0, 2.0, 5.0));
}
