using Build.Core;
using Build.Core.Secrets;
using Build.Parameters;
using Cake.Core;

namespace Build.Tests.Parameters;

public sealed class AccessibilityParametersTests
{
    private static AccessibilityParameters Parse(params string[] pairs)
    {
        var arguments = pairs.Chunk(2).ToLookup(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        return BuildParameters.Parse(new CakeArguments(arguments), new SecretRegistry()).Accessibility;
    }

    [Fact]
    public void The_defaults_start_the_service_crawl_20_pages_and_gate_at_serious()
    {
        var settings = Parse();

        Assert.Null(settings.Url);
        Assert.Equal(20, settings.MaxPages);
        Assert.Equal(ImpactLevel.Serious, settings.Threshold);
        Assert.Empty(settings.Paths);
        Assert.Null(settings.BrowserPath);
    }

    [Fact]
    public void Good_values_are_read()
    {
        var settings = Parse(
            "a11y-url", "http://127.0.0.1:8080/",
            "a11y-max-pages", "5",
            "a11y-impact", "CRITICAL",
            "a11y-paths", "/about, /contact?x=1",
            "browser-path", "/opt/chrome/chrome");

        Assert.Equal(new Uri("http://127.0.0.1:8080/"), settings.Url);
        Assert.Equal(5, settings.MaxPages);
        Assert.Equal(ImpactLevel.Critical, settings.Threshold);
        Assert.Equal(["/about", "/contact?x=1"], settings.Paths);
        Assert.Equal("/opt/chrome/chrome", settings.BrowserPath);
    }

    [Theory]
    [InlineData("a11y-impact", "loud", "use one of minor, moderate, serious, critical")]
    [InlineData("a11y-max-pages", "0", "from 1 to 1000")]
    [InlineData("a11y-max-pages", "many", "from 1 to 1000")]
    [InlineData("a11y-max-pages", "1001", "from 1 to 1000")]
    [InlineData("a11y-paths", "about", "starts with a single '/'")]
    [InlineData("a11y-paths", "/a,,/b", "an entry is empty")]
    [InlineData("a11y-paths", "//evil.example/x", "starts with a single '/'")]
    [InlineData("a11y-paths", "/a b", "no spaces")]
    [InlineData("a11y-url", "localhost:8080", "absolute http(s) URL")]
    [InlineData("a11y-url", "ftp://127.0.0.1/", "absolute http(s) URL")]
    public void A_bad_value_is_a_usage_error_naming_the_parameter_and_the_value(string name, string value, string advice)
    {
        var error = Assert.Throws<CakeException>(() => Parse(name, value));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.StartsWith($"Invalid --{name} '{value}': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
    }
}
