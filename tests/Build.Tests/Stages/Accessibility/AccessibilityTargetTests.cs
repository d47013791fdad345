using System.Text.Json;
using Build.Tests.Support;

namespace Build.Tests.Stages.Accessibility;

/// <summary>The Accessibility target through the real build app, in a temporary repository root, against a fixture site.</summary>
[Collection(BrowserTestGroup.Name)]
[Integration("chromium")]
public sealed class AccessibilityTargetTests : IDisposable
{
    private readonly BuildProcess _build = new();
    private readonly FixtureSite _site = new FixtureSite()
        .Page("/", FixtureSite.Fixture("bad.html"))
        .Page("/clean", FixtureSite.Fixture("clean.html"));

    private string Artifacts => Path.Combine(Root, "artifacts", "accessibility");

    private string Root => _build.Root;

    public void Dispose()
    {
        _site.Dispose();
        _build.Dispose();
    }

    [Fact]
    public async Task Expired_and_missing_entries_fail_with_one_line_and_every_report_is_written()
    {
        WriteBaseline(("label", "#search", "2999-12-31"), ("image-alt", "#logo", "2020-01-31"));

        var run = await RunAsync("--a11y-url", _site.BaseUrl.AbsoluteUri);

        Assert.True(run.ExitCode == 1, run.All);
        Assert.Equal(
            "Error: Accessibility failed: 2 violation(s) at or above serious on 1 page(s), 1 of them with an expired baseline entry: color-contrast, image-alt. Details: artifacts/accessibility/accessibility.html",
            run.ErrorLines[^1]);
        Assert.Contains("Baseline entry expired on 2020-01-31: image-alt on / at '#logo' (Tracked); fix the page or extend 'expires' in build/accessibility/baseline.json.", run.ErrorLines);
        Assert.Contains(run.ErrorLines, line => line.StartsWith("color-contrast (serious) on / at #faint: ", StringComparison.Ordinal) && line.EndsWith("[FAILS]", StringComparison.Ordinal));
        Assert.Contains(run.Output.Split('\n'), line => line.StartsWith("label (critical) on / at #search: ", StringComparison.Ordinal) && line.EndsWith("[accepted until 2999-12-31]", StringComparison.Ordinal));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "accessibility.json")));
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.True(json.RootElement.GetProperty("browserStartSeconds").GetDouble() > 0);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "accessibility.sarif")));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Contains("<h1>Accessibility report</h1>", File.ReadAllText(Path.Combine(Artifacts, "accessibility.html")), StringComparison.Ordinal);

        using var buildReport = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "artifacts", "build-report.json")));
        var task = buildReport.RootElement.GetProperty("tasks").EnumerateArray().Single(entry => entry.GetProperty("name").GetString() == "Accessibility");
        Assert.Equal("1", task.GetProperty("outputs").GetProperty("pages").GetString());
        Assert.Equal("3", task.GetProperty("outputs").GetProperty("violations").GetString());
        Assert.Contains("### Accessibility", File.ReadAllText(Path.Combine(Root, "artifacts", "summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepted_violations_pass_the_listed_paths_are_checked_and_stale_entries_are_warned_about()
    {
        WriteBaseline(("label", "#search", "2999-12-31"), ("image-alt", "#logo", "2999-12-31"), ("color-contrast", "#faint", "2999-12-31"), ("color-contrast", "#gone", "2999-12-31"));
        File.WriteAllText(Path.Combine(Root, "build", "accessibility", "paths.txt"), "# not linked from /\n/clean\n");

        var run = await RunAsync("--a11y-url", _site.BaseUrl.AbsoluteUri);

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains(run.All.Split('\n'), line => line.StartsWith("Stale baseline entry: color-contrast on / at '#gone'", StringComparison.Ordinal));
        Assert.Contains("Accessibility passed: no violation at or above serious (3 reported in all, 3 accepted by the baseline).", run.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "accessibility.json")));
        Assert.Equal(2, json.RootElement.GetProperty("pages").GetInt32());
        Assert.Single(json.RootElement.GetProperty("staleBaseline").EnumerateArray());
    }

    [Fact]
    public async Task A_missing_browser_is_one_line_naming_the_setting_and_how_to_install_it()
    {
        var run = await RunAsync("--a11y-url", "http://127.0.0.1:9/", "--browser-path", "/nonexistent/chromium");

        Assert.True(run.ExitCode == 1, run.All);
        Assert.Equal(
            "Error: The browser set by --browser-path /nonexistent/chromium does not exist. Install Chromium (Debian: apt-get install -y chromium) or point --browser-path (or A11Y_BROWSER_PATH) at a Chromium or Chrome executable.",
            run.ErrorLines[^1]);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_baseline_is_one_line_naming_the_file()
    {
        Directory.CreateDirectory(Path.Combine(Root, "build", "accessibility"));
        File.WriteAllText(Path.Combine(Root, "build", "accessibility", "baseline.json"), "{ \"accepted\": [ { \"rule\": \"label\" } ] }");

        var run = await RunAsync("--a11y-url", _site.BaseUrl.AbsoluteUri);

        Assert.True(run.ExitCode == 1, run.All);
        Assert.StartsWith("Error: The accessibility baseline build/accessibility/baseline.json is malformed: entry 1 needs a non-empty string \"page\"", run.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Empty(_site.Requests);
    }

    [Fact]
    public async Task Without_a_URL_an_unbuilt_service_is_one_line_saying_what_to_run()
    {
        // A passing report of an earlier run must not survive a scan that failed.
        Directory.CreateDirectory(Artifacts);
        File.WriteAllText(Path.Combine(Artifacts, "accessibility.html"), "<p>Accessibility passed</p>");

        var run = await RunAsync("--keep-artifacts");

        Assert.True(run.ExitCode == 1, run.All);
        var line = run.ErrorLines[^1];
        Assert.StartsWith("Error: The service is not built: ", line, StringComparison.Ordinal);
        Assert.Contains("Run the Compile target first", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Artifacts, "accessibility.html")), "the earlier run's report was left");
    }

    [Fact]
    public async Task The_reports_of_the_built_service_show_its_paths_not_the_temporary_port()
    {
        // The service as Compile leaves it, copied from this repository's build of src/App.
        CopyFolder(Path.Combine(Repository.Root, "src", "App", "bin", Repository.Configuration, "net10.0"), Path.Combine(Root, "src", "App", "bin", Repository.Configuration, "net10.0"));
        CopyFolder(Path.Combine(Repository.Root, "src", "App", "wwwroot"), Path.Combine(Root, "src", "App", "wwwroot"));

        var run = await RunAsync("--configuration", Repository.Configuration);

        Assert.True(run.ExitCode == 0, run.All);
        foreach (var report in new[] { "accessibility.html", "accessibility.json", "accessibility.sarif" })
        {
            Assert.DoesNotMatch(@"https?://127\.0\.0\.1:\d+", File.ReadAllText(Path.Combine(Artifacts, report)));
        }

        Assert.DoesNotMatch(@"https?://127\.0\.0\.1:\d+", File.ReadAllText(Path.Combine(Root, "artifacts", "summary.md")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Artifacts, "accessibility.json")));
        Assert.Contains("/", json.RootElement.GetProperty("pageResults").EnumerateArray().Select(page => page.GetProperty("url").GetString()));
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    [Theory]
    [InlineData("--a11y-impact", "loud")]
    [InlineData("--a11y-max-pages", "0")]
    [InlineData("--a11y-paths", "about,contact")]
    public async Task A_bad_parameter_exits_2_with_one_line_before_anything_runs(string name, string value)
    {
        var run = await RunAsync("--a11y-url", _site.BaseUrl.AbsoluteUri, name, value);

        Assert.True(run.ExitCode == 2, run.All);
        Assert.StartsWith($"Error: Invalid {name} '{value}': ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "artifacts")), "artifacts/ was written although the command line was rejected.");
        Assert.Empty(_site.Requests);
    }

    private void WriteBaseline(params (string Rule, string Selector, string Expires)[] entries)
    {
        Directory.CreateDirectory(Path.Combine(Root, "build", "accessibility"));
        var accepted = entries.Select(entry => new { rule = entry.Rule, page = "/", selector = entry.Selector, reason = "Tracked", expires = entry.Expires });
        File.WriteAllText(Path.Combine(Root, "build", "accessibility", "baseline.json"), JsonSerializer.Serialize(new { accepted }));
    }

    private Task<BuildProcessRun> RunAsync(params string[] arguments) =>
        Task.Run(() => _build.Run(TimeSpan.FromMinutes(10), ["--target", "Accessibility", "--exclusive", .. arguments]));
}
