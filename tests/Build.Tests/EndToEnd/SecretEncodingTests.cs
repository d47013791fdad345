using System.Globalization;
using System.Text.Json;
using Build.Tests.Support;

namespace Build.Tests.EndToEnd;

/// <summary>
/// Real secrets are not all [a-z0-9-]: AWS secret access keys and tokens are base64-like, with '+'. JSON escaping
/// ('+' becomes \u002B) must not let such a value slip past redaction into build-report.json, e.g. when a URL
/// argument carries credentials that are also in the environment.
/// </summary>
public sealed class SecretEncodingTests : IDisposable
{
    private readonly BuildProcess _build = new();

    [Fact]
    public void A_secret_argument_with_json_escaped_characters_is_redacted_in_the_report()
    {
        var canary = "canary+" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + "+K7MDENG+bPxRfi";
        _build.Environment["REGISTRY_PASSWORD"] = canary;

        var run = _build.Run("--target", "Version", "--a11y-url", $"http://ci:{canary}@127.0.0.1:9/");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(canary, run.All, StringComparison.Ordinal);
        var reportPath = Path.Combine(_build.Artifacts, "build-report.json");
        using var report = JsonDocument.Parse(File.ReadAllText(reportPath));
        var leaks = Strings(report.RootElement).Where(text => text.Contains(canary, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, $"build-report.json holds the secret (JSON-escaped, so redaction missed it): {File.ReadAllText(reportPath)}");
        Assert.Equal("http://***@127.0.0.1:9/", report.RootElement.GetProperty("arguments").GetProperty("a11y-url").GetString());
    }

    public void Dispose() => _build.Dispose();

    private static IEnumerable<string> Strings(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.String => [element.GetString() ?? ""],
            JsonValueKind.Object => element.EnumerateObject().SelectMany(property => Strings(property.Value).Append(property.Name)),
            JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
            _ => [],
        };
}
