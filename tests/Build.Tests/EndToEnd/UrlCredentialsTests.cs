using System.Globalization;
using System.Text.Json;
using Build.Tests.Support;

namespace Build.Tests.EndToEnd;

/// <summary>
/// Credentials written into a URL argument (--a11y-url http://user:PASSWORD@host/) are masked in the report's
/// arguments, and the password is registered as a secret: masked wherever it shows up again.
/// </summary>
public sealed class UrlCredentialsTests : IDisposable
{
    private readonly BuildProcess _build = new();

    [Fact]
    public void The_userinfo_of_a_URL_argument_is_masked_in_the_report_and_its_password_everywhere()
    {
        var password = "Pw" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

        var run = _build.Run("--target", "Version", "--verbosity", "diagnostic", "--a11y-url", $"http://builder:{password}@127.0.0.1:9/", "--a11y-paths", $"/about,/{password}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(password, run.All, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_build.Artifacts, "build-report.json")));
        var arguments = report.RootElement.GetProperty("arguments");
        Assert.Equal("http://***@127.0.0.1:9/", arguments.GetProperty("a11y-url").GetString());
        Assert.Equal("/about,/***", arguments.GetProperty("a11y-paths").GetString());
        foreach (var (file, text) in _build.ReadArtifacts())
        {
            Assert.False(text.Contains(password, StringComparison.Ordinal), $"{file} holds the URL's password:\n{text}");
            Assert.False(text.Contains("builder", StringComparison.Ordinal), $"{file} holds the URL's user name:\n{text}");
        }
    }

    [Fact]
    public void A_short_URL_password_is_masked_where_it_stands_alone_in_an_error_line()
    {
        var run = _build.Run("--target", "Version", "--a11y-url", "http://ci:Sh0rt7x@127.0.0.1:9/", "--a11y-max-pages", "Sh0rt7x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Error: Invalid --a11y-max-pages '***': use a whole number from 1 to 1000.", run.ErrorLines);
        Assert.DoesNotContain("Sh0rt7x", run.All, StringComparison.Ordinal);
    }

    public void Dispose() => _build.Dispose();
}
