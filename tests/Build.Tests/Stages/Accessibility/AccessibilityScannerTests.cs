using Build.Parameters;
using Build.Stages.Accessibility;
using Build.Tests.Support;

namespace Build.Tests.Stages.Accessibility;

[Collection(BrowserTestGroup.Name)]
[Integration("chromium")]
public sealed class AccessibilityScannerTests(BrowserFixture browser) : IDisposable
{
    private readonly FixtureSite _site = new FixtureSite()
        .Page("/bad", FixtureSite.Fixture("bad.html"))
        .Page("/clean", FixtureSite.Fixture("clean.html"));

    public void Dispose() => _site.Dispose();

    private async Task<PageScan> ScanAsync(string path) => (await browser.Scanner.VisitAsync(_site.Url(path))).Scan;

    private static GateResult Gate(PageScan page, ImpactLevel threshold = ImpactLevel.Serious, params BaselineEntry[] baseline) =>
        new ViolationGate(threshold, baseline, DateOnly.FromDateTime(DateTime.UtcNow)).Evaluate(page.Violations, [page.Page]);

    [Fact]
    public async Task A_page_with_an_image_without_alt_an_unlabelled_input_and_low_contrast_text_fails_naming_the_three_rules()
    {
        var page = await ScanAsync("/bad");

        Assert.True(page.Scanned);
        Assert.Equal(200, page.Status);
        var found = page.Violations.Select(violation => (violation.Rule, violation.Impact, violation.Selector)).ToList();
        Assert.Contains(("image-alt", ImpactLevel.Critical, "#logo"), found);
        Assert.Contains(("label", ImpactLevel.Critical, "#search"), found);
        Assert.Contains(("color-contrast", ImpactLevel.Serious, "#faint"), found);
        var imageAlt = page.Violations.Single(violation => violation.Rule == "image-alt");
        Assert.Equal("/bad", imageAlt.Page);
        Assert.StartsWith("https://dequeuniversity.com/rules/axe/", imageAlt.HelpUrl, StringComparison.Ordinal);
        Assert.Contains("<img id=\"logo\"", imageAlt.Html, StringComparison.Ordinal);
        Assert.Contains("wcag2a", imageAlt.Tags);
        Assert.NotNull(browser.Scanner.AxeVersion);

        var gate = Gate(page);
        Assert.False(gate.Passed);
        Assert.Contains("color-contrast, image-alt, label", gate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clean_page_has_no_violations_and_passes()
    {
        var pages = await browser.Scanner.ScanAsync([_site.Url("/clean"), _site.Url("/bad")]);

        Assert.Equal(["/clean", "/bad"], pages.Select(page => page.Page));
        var clean = pages[0];
        Assert.True(clean.Scanned);
        Assert.Empty(clean.Violations);
        Assert.True(Gate(clean).Passed);
        Assert.NotEmpty(pages[1].Violations);
    }

    [Fact]
    public async Task At_a_critical_threshold_serious_color_contrast_is_reported_but_passes_and_critical_image_alt_and_label_fail()
    {
        var gate = Gate(await ScanAsync("/bad"), ImpactLevel.Critical);

        Assert.False(gate.Passed);
        Assert.Equal(ViolationStatus.BelowThreshold, gate.Violations.Single(judged => judged.Violation.Rule == "color-contrast").Status);
        Assert.Equal(["image-alt", "label"], gate.Failures.Select(judged => judged.Violation.Rule).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Baseline_entries_for_the_real_violations_accept_them_until_they_expire_and_unmatched_ones_are_stale()
    {
        var page = await ScanAsync("/bad");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var accepted = page.Violations.Select(violation => new BaselineEntry(violation.Rule, "/bad", violation.Selector, "Known, issue 7", today)).ToArray();
        var stale = new BaselineEntry("region", "/bad", "#gone", "Fixed long ago", today);

        var passing = Gate(page, ImpactLevel.Serious, [.. accepted, stale]);
        Assert.True(passing.Passed, passing.Message);
        Assert.All(passing.Violations, judged => Assert.Equal(ViolationStatus.Accepted, judged.Status));
        Assert.Equal([stale], passing.Stale);

        var expiredImageAlt = accepted.Select(entry => entry.Rule == "image-alt" ? entry with { Expires = today.AddDays(-1) } : entry).ToArray();
        var failing = Gate(page, ImpactLevel.Serious, expiredImageAlt);
        Assert.False(failing.Passed);
        var expired = Assert.Single(failing.Failures);
        Assert.Equal(("image-alt", ViolationStatus.Expired), (expired.Violation.Rule, expired.Status));
    }

    [Fact]
    public async Task A_same_origin_iframe_is_scanned_with_its_page()
    {
        _site.Page("/framed", FixtureSite.Html("Framed", "<iframe id=\"inner\" title=\"The broken page\" src=\"/bad\"></iframe>"));

        var page = await ScanAsync("/framed");

        var imageAlt = Assert.Single(page.Violations, violation => violation.Rule == "image-alt");
        Assert.Equal("/framed", imageAlt.Page);
        Assert.Equal("[\"#inner\", \"#logo\"]", imageAlt.Selector);
    }

    [Fact]
    public async Task A_response_that_is_not_HTML_is_opened_but_not_scanned()
    {
        _site.Route("/health", 200, "application/json", """{"status":"Healthy"}""");

        var page = await ScanAsync("/health");

        Assert.False(page.Scanned);
        Assert.Empty(page.Violations);
        Assert.Equal("not an HTML page (application/json)", page.Note);
    }

    [Fact]
    public async Task An_error_page_is_scanned_and_its_status_noted()
    {
        var page = await ScanAsync("/missing");

        Assert.True(page.Scanned);
        Assert.Equal(404, page.Status);
        Assert.Equal("answered HTTP 404", page.Note);
    }

    [Fact]
    public async Task The_links_of_a_page_are_returned_as_the_browser_resolved_them()
    {
        _site.Page("/links", FixtureSite.Html("Links", "<p><a href=\"clean\">relative</a> <a href=\"/bad#top\">absolute</a> <a href=\"mailto:team@example.invalid\">mail</a></p>"));

        var visit = await browser.Scanner.VisitAsync(_site.Url("/links"));

        Assert.Equal([_site.Url("/clean").AbsoluteUri, _site.Url("/bad#top").AbsoluteUri, "mailto:team@example.invalid"], visit.Links);
    }
}
