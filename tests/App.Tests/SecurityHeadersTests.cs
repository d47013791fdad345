using App.Security;

namespace App.Tests;

public sealed class SecurityHeadersTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/contact")]
    [InlineData("/health")]
    [InlineData("/version")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    public async Task Given_any_response_When_returned_Then_it_carries_the_security_headers(string path)
    {
        using var client = factory.CreateRawClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(SecurityHeadersMiddleware.ReferrerPolicy, Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeadersMiddleware.ContentSecurityPolicy, csp);
        Assert.StartsWith("default-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_plain_http_request_When_served_Then_it_is_not_redirected_to_https()
    {
        using var client = factory.CreateRawClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
