using System.Net;
using System.Text.RegularExpressions;

namespace App.Tests;

public sealed class PageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    public static TheoryData<string> Paths => new() { "/", "/about", "/contact", "/contact/sent" };

    public static TheoryData<string, string> Titles => new()
    {
        { "/", "Home – Sample Service" },
        { "/about", "About – Sample Service" },
        { "/contact", "Contact us – Sample Service" },
        { "/contact/sent", "Message sent – Sample Service" },
    };

    /// <summary>Each page and the nav link marked as current on it ("" for none).</summary>
    public static TheoryData<string, string> CurrentNavLinks => new()
    {
        { "/", "/" },
        { "/about", "/about" },
        { "/contact", "/contact" },
        { "/contact/sent", "" },
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public async Task Given_a_page_When_requested_Then_it_is_200_html_with_language_title_h1_and_main(string path, string title)
    {
        using var client = factory.CreateRawClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Equal(title, Html.Title(html));
        Assert.Equal(1, Html.Count(html, "<h1"));
        Assert.Equal(1, Html.Count(html, "<main id=\"main-content\""));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Given_a_page_When_rendered_Then_it_has_skip_link_and_landmarks_in_order(string path)
    {
        var html = await GetHtmlAsync(path);

        var skipLink = html.IndexOf("<a class=\"skip-link\" href=\"#main-content\">Skip to main content</a>", StringComparison.Ordinal);
        var header = html.IndexOf("<header", StringComparison.Ordinal);
        var nav = html.IndexOf("<nav aria-label=\"Main\">", StringComparison.Ordinal);
        var main = html.IndexOf("<main", StringComparison.Ordinal);
        var footer = html.IndexOf("<footer", StringComparison.Ordinal);

        Assert.True(skipLink >= 0, "skip link missing");
        Assert.True(skipLink < header && header < nav && nav < main && main < footer, "expected skip link, header, nav, main, footer in that order");
        Assert.Equal(1, Html.Count(html, "<header"));
        Assert.Equal(1, Html.Count(html, "<footer"));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Given_a_page_When_rendered_Then_headings_start_at_h1_and_never_skip_a_level(string path)
    {
        var levels = Html.HeadingLevels(await GetHtmlAsync(path));

        Assert.NotEmpty(levels);
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading h{levels[i]} follows h{levels[i - 1]} in {path}");
        }
    }

    [Theory]
    [MemberData(nameof(CurrentNavLinks))]
    public async Task Given_a_page_When_rendered_Then_nav_links_every_page_and_marks_the_current_one(string path, string currentHref)
    {
        var html = await GetHtmlAsync(path);

        Assert.Contains("<a href=\"/\"", html, StringComparison.Ordinal);
        Assert.Contains(">Home</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/about\"", html, StringComparison.Ordinal);
        Assert.Contains(">About</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/contact\"", html, StringComparison.Ordinal);
        Assert.Contains(">Contact us</a>", html, StringComparison.Ordinal);

        var current = Regex.Matches(html, "<a href=\"([^\"]*)\" aria-current=\"page\">").Select(match => match.Groups[1].Value);
        Assert.Equal(currentHref.Length == 0 ? [] : [currentHref], current);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Given_a_page_When_rendered_Then_every_image_has_alt_text_and_every_link_has_a_name(string path)
    {
        var html = await GetHtmlAsync(path);

        Assert.DoesNotMatch("<img\\b(?![^>]*\\balt=)[^>]*>", html);
        Assert.DoesNotMatch("<a\\b[^>]*>\\s*</a>", html);
    }

    [Fact]
    public async Task Given_the_layout_When_its_stylesheet_is_requested_Then_it_is_served_as_css_with_visible_focus_styles()
    {
        using var client = factory.CreateRawClient();
        var html = await GetHtmlAsync("/");
        var stylesheet = Html.AttributeValues(html, "link", "href").Single(href => href.StartsWith("/css/site.css", StringComparison.Ordinal));

        using var response = await client.GetAsync(new Uri(stylesheet, UriKind.Relative));
        var css = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(":focus-visible", css, StringComparison.Ordinal);
        Assert.Contains("outline: 3px solid", css, StringComparison.Ordinal);
    }

    private async Task<string> GetHtmlAsync(string path)
    {
        using var client = factory.CreateRawClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
