using System.Text.Json;
using Build.Stages.Lint.Secrets;

namespace Build.Tests.Stages.Lint.Secrets;

/// <summary>The secret scan's SARIF: every rule, a located result per finding, ignored ones suppressed, no value.</summary>
public sealed class SecretSarifTests
{
    [Fact]
    public void Write_lists_every_rule_and_one_result_per_finding_without_the_value()
    {
        var key = FakeSecrets.AwsAccessKeyId();
        var token = FakeSecrets.GitHubToken();
        var inTree = SecretScanner.ScanText("src/a.cs", $"\n  var k = \"{key}\";")[0];
        var fromHistory = SecretScanner.ScanHistory(["commit:4444444444444444444444444444444444444444", "diff --git a/n b/n", "+++ b/n", "@@ -0,0 +1 @@", $"+{token}"])[0];
        var entry = new SecretIgnoreEntry("github-token", "n", "rotated on 2026-11-02", new DateOnly(2027, 1, 31), 2);

        var sarif = SecretSarif.Write(SecretScan.Judge([inTree, fromHistory], [entry], new DateOnly(2026, 11, 30), "scope"));

        Assert.DoesNotContain(key[4..], sarif, StringComparison.Ordinal);
        Assert.DoesNotContain(token[4..], sarif, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(sarif);
        var run = document.RootElement.GetProperty("runs")[0];
        Assert.Equal(SecretRules.All.Select(rule => rule.Id), run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(rule => rule.GetProperty("id").GetString()));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        var region = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(("aws-access-key-id", "src/a.cs", 2, 12), (results[0].GetProperty("ruleId").GetString(), region.GetProperty("artifactLocation").GetProperty("uri").GetString(), region.GetProperty("region").GetProperty("startLine").GetInt32(), region.GetProperty("region").GetProperty("startColumn").GetInt32()));
        Assert.False(results[0].TryGetProperty("suppressions", out _));
        Assert.Equal("github-token: ghp_*** (40 characters) added in commit 444444444444", results[1].GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("rotated on 2026-11-02 (ignored until 2027-01-31)", results[1].GetProperty("suppressions")[0].GetProperty("justification").GetString());
    }
}
