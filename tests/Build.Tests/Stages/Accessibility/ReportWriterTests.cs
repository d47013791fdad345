using System.Text.Json;
using Build.Core.Ci;
using Build.Parameters;
using Build.Stages.Accessibility;
using Build.Tests.Support;

namespace Build.Tests.Stages.Accessibility;

public sealed class ReportWriterTests
{
    private static readonly GateResult Gate = new ViolationGate(
            ImpactLevel.Serious,
            [Sample.Entry("color-contrast", "/about", "p.muted"), Sample.Entry("region", "/about", "#gone")],
            Sample.Today)
        .Evaluate(
            [
                Sample.Violation("image-alt", ImpactLevel.Critical, "/about", "#logo"),
                Sample.Violation("color-contrast", ImpactLevel.Serious, "/about", "p.muted"),
                Sample.Violation("link-in-text-block", ImpactLevel.Moderate, "/about", "a.inline"),
                Sample.Violation("minor-rule", ImpactLevel.Minor, "/about", "#m"),
            ],
            ["/about"]);

    private static AccessibilityReport Report => Sample.Report(Gate);

    [Fact]
    public void The_SARIF_is_2_1_0_with_one_result_per_violation_the_rule_the_level_from_the_impact_and_the_page_path()
    {
        using var sarif = JsonDocument.Parse(SarifReportWriter.Write(Report));

        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifReportWriter.Schema, root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("axe-core", driver.GetProperty("name").GetString());
        Assert.Equal("4.14.0", driver.GetProperty("version").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().Select(rule => rule.GetProperty("id").GetString()).ToList();
        Assert.Equal(["color-contrast", "image-alt", "link-in-text-block", "minor-rule"], rules);

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        var levels = results.ToDictionary(result => result.GetProperty("ruleId").GetString()!, result => result.GetProperty("level").GetString());
        Assert.Equal("error", levels["image-alt"]);
        Assert.Equal("error", levels["color-contrast"]);
        Assert.Equal("warning", levels["link-in-text-block"]);
        Assert.Equal("note", levels["minor-rule"]);
        foreach (var result in results)
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.Equal("/about", location.GetProperty("uri").GetString());
            Assert.Equal(rules.IndexOf(result.GetProperty("ruleId").GetString()), result.GetProperty("ruleIndex").GetInt32());
        }

        var accepted = results.Single(result => result.GetProperty("ruleId").GetString() == "color-contrast");
        Assert.Equal("accepted", accepted.GetProperty("suppressions")[0].GetProperty("status").GetString());
        Assert.False(results.Single(result => result.GetProperty("ruleId").GetString() == "image-alt").TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void The_JSON_has_the_verdict_the_figures_every_finding_and_the_stale_entries()
    {
        using var json = JsonDocument.Parse(JsonReportWriter.Write(Report));

        var root = json.RootElement;
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Equal("serious", root.GetProperty("threshold").GetString());
        Assert.Equal(1, root.GetProperty("pages").GetInt32());
        Assert.Equal(4, root.GetProperty("violations").GetInt32());
        Assert.Equal(1, root.GetProperty("failing").GetInt32());
        Assert.Equal(1.0, root.GetProperty("browserStartSeconds").GetDouble());
        Assert.Equal(2.0, root.GetProperty("scanSeconds").GetDouble());
        Assert.Equal(1.5, root.GetProperty("serviceStartSeconds").GetDouble());
        Assert.Equal(0.5, root.GetProperty("pagesPerSecond").GetDouble());
        Assert.Equal(0.2, root.GetProperty("browserStartShare").GetDouble());
        Assert.Equal(1, root.GetProperty("byImpact").GetProperty("critical").GetInt32());
        var statuses = root.GetProperty("findings").EnumerateArray().ToDictionary(finding => finding.GetProperty("rule").GetString()!, finding => finding.GetProperty("status").GetString());
        Assert.Equal("failing", statuses["image-alt"]);
        Assert.Equal("accepted", statuses["color-contrast"]);
        Assert.Equal("below-threshold", statuses["link-in-text-block"]);
        Assert.Equal("#gone", Assert.Single(root.GetProperty("staleBaseline").EnumerateArray()).GetProperty("selector").GetString());
    }

    [Fact]
    public void Reports_of_the_built_service_show_paths_not_the_temporary_origin_that_no_longer_answers()
    {
        var about = Sample.Violation("image-alt", ImpactLevel.Critical, "/about");
        var gate = new ViolationGate(ImpactLevel.Serious, [], Sample.Today).Evaluate([about], ["/", "/about"]);
        PageScan[] pages = [new(new Uri("http://127.0.0.1:5000/"), "/", 200, true, null, []), new(about.PageUrl, "/about", 200, true, null, [about])];
        var report = Sample.Report(gate, pages) with { TemporarySite = true };

        var written = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["html"] = HtmlReportWriter.Write(report),
            ["json"] = JsonReportWriter.Write(report),
            ["sarif"] = SarifReportWriter.Write(report),
            ["markdown"] = MarkdownSummary.Write(report, "artifacts/accessibility"),
        };

        Assert.All(written, file => Assert.DoesNotContain("127.0.0.1:5000", file.Value, StringComparison.Ordinal));
        Assert.Contains("<code>/about</code>", written["html"], StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(written["json"]);
        Assert.Equal(["/", "/about"], json.RootElement.GetProperty("pageResults").EnumerateArray().Select(page => page.GetProperty("url").GetString()));
        Assert.Equal("/about", json.RootElement.GetProperty("findings")[0].GetProperty("url").GetString());
        Assert.Contains("the built service", written["markdown"], StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_of_a_given_URL_keep_its_addresses()
    {
        var gate = new ViolationGate(ImpactLevel.Serious, [], Sample.Today).Evaluate([Sample.Violation("image-alt", ImpactLevel.Critical, "/about")], ["/about"]);

        var html = HtmlReportWriter.Write(Sample.Report(gate));

        Assert.Contains("<a href=\"http://127.0.0.1:5000/about\">/about</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_HTML_escapes_everything_from_the_site_and_links_only_to_web_addresses()
    {
        var hostile = Sample.Violation("image-alt", ImpactLevel.Critical, "/x", "img[alt=\"<script>alert(1)</script>\"]") with
        {
            Html = "<img src=x onerror=alert(1)>",
            Help = "Images need <b>alt</b> & more",
            HelpUrl = "javascript:alert(1)",
        };
        var gate = new ViolationGate(ImpactLevel.Serious, [], Sample.Today).Evaluate([hostile], ["/x"]);

        var html = HtmlReportWriter.Write(Sample.Report(gate));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Images need &lt;b&gt;alt&lt;/b&gt; &amp; more", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Markdown_section_gives_the_verdict_a_row_per_violation_and_the_stale_entries()
    {
        var markdown = MarkdownSummary.Write(Report, "artifacts/accessibility");

        Assert.Contains("Accessibility failed: 1 violation(s) at or above serious on 1 page(s): image-alt.", markdown, StringComparison.Ordinal);
        Assert.Contains("| image-alt | critical | failing | /about | #logo |", markdown, StringComparison.Ordinal);
        Assert.Contains("| color-contrast | serious | accepted |", markdown, StringComparison.Ordinal);
        Assert.Contains("Stale baseline entry", markdown, StringComparison.Ordinal);
        Assert.Contains("`artifacts/accessibility/accessibility.html`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_lines_give_every_violation_with_rule_impact_page_selector_and_help_URL()
    {
        var lines = ConsoleReport.Lines(Report, "build/accessibility/baseline.json");

        Assert.Contains(lines, line => line.Level == AnnotationLevel.Error
            && line.Text == "image-alt (critical) on /about at #logo: Help for image-alt https://dequeuniversity.com/rules/axe/4.14/image-alt [FAILS]");
        Assert.Contains(lines, line => line.Text.StartsWith("color-contrast (serious) on /about at p.muted:", StringComparison.Ordinal) && line.Text.EndsWith("[accepted until 2025-07-15]", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Text.StartsWith("minor-rule (minor)", StringComparison.Ordinal) && line.Text.EndsWith("[below the gate]", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Level == AnnotationLevel.Warning && line.Text.StartsWith("Stale baseline entry: region on /about at '#gone'", StringComparison.Ordinal));
    }
}

[Collection(BrowserTestGroup.Name)]
[Integration("chromium")]
public sealed class HtmlReportAccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_HTML_report_itself_has_no_accessibility_violations()
    {
        var gate = new ViolationGate(ImpactLevel.Serious, [Sample.Entry("region", "/", "#gone")], Sample.Today)
            .Evaluate([Sample.Violation("image-alt", ImpactLevel.Critical), Sample.Violation("color-contrast", ImpactLevel.Serious)], ["/"]);
        using var site = new FixtureSite().Page("/report", HtmlReportWriter.Write(Sample.Report(gate, notVisited: 3)));

        var page = (await browser.Scanner.VisitAsync(site.Url("/report"))).Scan;

        Assert.True(page.Scanned);
        Assert.Empty(page.Violations);
    }
}
