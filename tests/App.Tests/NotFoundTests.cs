using System.Net;

namespace App.Tests;

public sealed class NotFoundTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/about/nothing-here")]
    [InlineData("/error")]
    [InlineData("/error/500")]
    public async Task Given_an_unknown_path_When_requested_Then_it_is_404_with_an_accessible_page(string path)
    {
        using var client = factory.CreateRawClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Equal("Page not found – Sample Service", Html.Title(html));
        Assert.Contains("<h1>Page not found</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_unknown_path_When_posted_to_Then_it_is_404_not_an_antiforgery_400()
    {
        using var client = factory.CreateRawClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["a"] = "b" });

        using var response = await client.PostAsync(new Uri("/no-such-page", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
