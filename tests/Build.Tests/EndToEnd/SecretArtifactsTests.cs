using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Build.Tests.Support;

namespace Build.Tests.EndToEnd;

/// <summary>
/// The Test target on a test project that prints secrets and fails: what CI archives (TRX, junit.xml, summary.md,
/// build-report.json, coverage) holds none of them, and every file is still valid XML or JSON.
/// </summary>
public sealed class SecretArtifactsTests : IDisposable
{
    // Restore, build and test of the fixture project; generous for a loaded 2-core machine.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private readonly BuildProcess _build = new();

    [Fact]
    public void A_test_that_prints_secrets_leaves_them_in_no_artifact()
    {
        // XML and JSON escape these characters, so a plain search of the file for the value would miss it.
        var marker = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        var escaped = $"canary&<\"'+{marker}";
        _build.Environment["LEAK_PASSWORD"] = escaped;
        _build.Environment["PIN_PASSWORD"] = "Sh0rt7x";
        _build.Environment["LEAK_NOTE"] = "http://ci:url-Pw-9@registry.example/";
        LeakyTestProject.WriteInto(_build.Root, "LEAK_PASSWORD", "PIN_PASSWORD", "LEAK_NOTE");

        // --tests unit: every test would make Prerequisites check (and start) what the integration tests use, which
        // this fixture project does not need; its one test has no Integration trait, so it runs either way.
        var run = _build.Run(Timeout, "--target", "Test", "--tests", "unit");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Error: 1 test failed: LeakTests.Prints_secrets_from_the_environment_then_fails, details in artifacts/summary.md", run.ErrorLines);
        string[] leaks = [marker, "Sh0rt7x", "url-Pw-9"];
        foreach (var leak in leaks)
        {
            Assert.DoesNotContain(leak, run.All, StringComparison.Ordinal);
        }

        var artifacts = _build.ReadArtifacts();
        foreach (var (file, text) in artifacts)
        {
            foreach (var leak in leaks)
            {
                Assert.False(text.Contains(leak, StringComparison.Ordinal), $"{file} holds '{leak}':\n{text}");
            }

            if (file.EndsWith(".trx", StringComparison.Ordinal) || file.EndsWith(".xml", StringComparison.Ordinal))
            {
                XDocument.Parse(text);
            }
            else if (file.EndsWith(".json", StringComparison.Ordinal))
            {
                using var json = JsonDocument.Parse(text);
            }
        }

        // The secrets were there and were masked, not lost: each of the three ways shows the mask.
        var trx = Assert.Single(artifacts, pair => pair.Key.EndsWith(".trx", StringComparison.Ordinal)).Value;
        var result = XDocument.Parse(trx).Descendants().Single(element => element.Name.LocalName == "UnitTestResult");
        Assert.Equal("output helper: *** | *** | http://***@registry.example/", Child(result, "StdOut"));
        Assert.Equal("assert message: *** | *** | http://***@registry.example/", Child(result, "Message"));
        Assert.Contains("console: *** | *** | http://***@registry.example/", trx, StringComparison.Ordinal);

        var junit = XDocument.Parse(artifacts[Path.Combine(_build.Artifacts, "test-results", "junit.xml")]);
        Assert.Equal("assert message: *** | *** | http://***@registry.example/", (string?)junit.Descendants("failure").Single().Attribute("message"));
        Assert.Equal("output helper: *** | *** | http://***@registry.example/", junit.Descendants("system-out").Single().Value.Trim());

        var summary = artifacts[Path.Combine(_build.Artifacts, "summary.md")];
        Assert.True(summary.Contains(@"assert message: \*\*\* \| \*\*\* \| http://***@registry.example/", StringComparison.Ordinal), summary);
        Assert.False(BuildReportJson.Read(_build.Artifacts).Succeeded);
    }

    public void Dispose() => _build.Dispose();

    private static string? Child(XElement result, string name) =>
        result.Descendants().SingleOrDefault(element => element.Name.LocalName == name)?.Value.Trim();
}
