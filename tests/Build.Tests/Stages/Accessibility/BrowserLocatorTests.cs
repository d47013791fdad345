using Build.Stages.Accessibility;
using Cake.Core;

namespace Build.Tests.Stages.Accessibility;

public sealed class BrowserLocatorTests
{
    private static string Resolve(string? parameter, Dictionary<string, string> environment, params string[] files) =>
        BrowserLocator.Resolve(parameter, name => environment.GetValueOrDefault(name), files.Contains);

    [Fact]
    public void The_parameter_wins_over_the_variable_and_the_default()
    {
        var path = Resolve("/opt/chrome", new() { ["A11Y_BROWSER_PATH"] = "/env/chrome" }, "/opt/chrome", "/env/chrome", "/usr/bin/chromium");

        Assert.Equal("/opt/chrome", path);
    }

    [Fact]
    public void The_variable_wins_over_the_default()
    {
        Assert.Equal("/env/chrome", Resolve(null, new() { ["A11Y_BROWSER_PATH"] = "/env/chrome" }, "/env/chrome", "/usr/bin/chromium"));
    }

    [Fact]
    public void Without_a_setting_it_is_usr_bin_chromium_then_a_browser_on_PATH()
    {
        Assert.Equal("/usr/bin/chromium", Resolve(null, new() { ["PATH"] = "/opt/bin" }, "/usr/bin/chromium", "/opt/bin/google-chrome"));
        Assert.Equal("/opt/bin/google-chrome", Resolve(null, new() { ["PATH"] = "/usr/local/bin:/opt/bin" }, "/opt/bin/google-chrome"));
        Assert.Equal("/b/chromium-browser", Resolve(null, new() { ["PATH"] = "/a:/b" }, "/a/google-chrome", "/b/chromium-browser"));
    }

    [Fact]
    public void A_set_browser_that_does_not_exist_is_one_line_naming_the_setting_and_the_install_command()
    {
        var error = Assert.Throws<CakeException>(() => Resolve("/nope/chromium", [], "/usr/bin/chromium"));

        Assert.Contains("--browser-path /nope/chromium does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y chromium", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void No_browser_anywhere_is_one_line_naming_the_settings_and_the_install_command()
    {
        var error = Assert.Throws<CakeException>(() => Resolve(null, new() { ["PATH"] = "/usr/bin" }));

        Assert.Contains("/usr/bin/chromium does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("--browser-path", error.Message, StringComparison.Ordinal);
        Assert.Contains("A11Y_BROWSER_PATH", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y chromium", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
