using Build.Tests.Support;

namespace Build.Tests.Stages.Lint.Secrets;

/// <summary>
/// Lint's secret scan through the real build app, in a fixture repository: a committed key fails Lint naming file,
/// line and rule, and the key is in no output and no artifact; a key added and deleted since the last release tag
/// is found in history; an ignore entry lets a finding through until it expires.
/// </summary>
public sealed class SecretScanLintTests : IDisposable
{
    private readonly BuildProcess _build = new();

    public SecretScanLintTests() => LintCheckout.Prepare(_build);

    public void Dispose() => _build.Dispose();

    [Fact]
    [Integration("shellcheck")]
    public void A_committed_AWS_key_fails_Lint_naming_file_line_and_rule_and_the_key_is_printed_nowhere()
    {
        var key = FakeSecrets.AwsAccessKeyId();
        Directory.CreateDirectory(_build.Path("config"));
        File.WriteAllText(_build.Path("config", "deploy.env"), $"AWS_REGION=eu-west-1\nAWS_ACCESS_KEY_ID={key}\n");
        Commit("deploy settings");

        var run = _build.Run("--target", "Lint", "--exclusive");

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.All.Split('\n'), line => line.Contains("aws-access-key-id", StringComparison.Ordinal));
        Assert.StartsWith("config/deploy.env:2:19: aws-access-key-id AKIA*** (20 characters): remove it and rotate it", line, StringComparison.Ordinal);
        Assert.Equal("Error: Lint found 1 problem(s) (secret scan: 1); each is listed above as file:line.", run.ErrorLines[^1]);
        AssertNowhere(key[4..], run);
        var sarif = File.ReadAllText(_build.Path("artifacts", "lint", "secrets.sarif"));
        Assert.Contains("\"ruleId\": \"aws-access-key-id\"", sarif, StringComparison.Ordinal);
        Assert.Contains("\"uri\": \"config/deploy.env\"", sarif, StringComparison.Ordinal);
        Assert.Contains("\"startLine\": 2", sarif, StringComparison.Ordinal);
    }

    [Fact]
    [Integration("shellcheck")]
    public void On_GitHub_Actions_a_finding_is_an_error_annotation_on_its_line_and_diagnostic_output_holds_no_key()
    {
        var key = FakeSecrets.AwsAccessKeyId();
        File.WriteAllText(_build.Path("src", "Program.cs"), $"// the app\nvar id = \"{key}\";\n");
        Commit("a key in the app");
        var runner = Directory.CreateDirectory(_build.Path(".runner")).FullName;
        foreach (var file in new[] { "summary.md", "env", "output" })
        {
            File.WriteAllText(Path.Combine(runner, file), "");
        }

        _build.Environment["GITHUB_ACTIONS"] = "true";
        _build.Environment["CI"] = "true";
        _build.Environment["GITHUB_STEP_SUMMARY"] = Path.Combine(runner, "summary.md");
        _build.Environment["GITHUB_ENV"] = Path.Combine(runner, "env");
        _build.Environment["GITHUB_OUTPUT"] = Path.Combine(runner, "output");

        var run = _build.Run("--target", "Lint", "--exclusive", "--verbosity", "diagnostic");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains(run.OutputLines, line => line.StartsWith("::error file=src/Program.cs,line=2,col=11::aws-access-key-id AKIA*** (20 characters)", StringComparison.Ordinal));
        AssertNowhere(key[4..], run);
        Assert.DoesNotContain(key[4..], File.ReadAllText(Path.Combine(runner, "summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    [Integration("shellcheck")]
    public void A_key_added_and_deleted_since_the_last_release_tag_is_found_in_history_and_one_before_the_tag_is_not()
    {
        var before = FakeSecrets.GitHubToken();
        File.WriteAllText(_build.Path("notes.txt"), $"old token {before}\n");
        Commit("a token before the release");
        File.Delete(_build.Path("notes.txt"));
        Commit("remove it");
        TempGitRepository.Run(_build.Root, "tag", "v1.0.0");
        var token = FakeSecrets.GitHubToken();
        File.WriteAllText(_build.Path("docs", "guide.md"), $"# guide\n\nuse {token} to log in\n");
        var added = Commit("document the token");
        File.WriteAllText(_build.Path("docs", "guide.md"), "# guide\n");
        Commit("remove the token");

        var run = _build.Run("--target", "Lint", "--exclusive");

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.All.Split('\n'), line => line.Contains("github-token", StringComparison.Ordinal));
        Assert.Equal($"docs/guide.md:3:5: github-token ghp_*** (40 characters) added in commit {added[..12]} ({added[..12]}:docs/guide.md:3 github-token), no longer in the tree: rotate it (it stays in history), or add a reviewed entry to build/secrets/ignore.json (secret scan)", line);
        Assert.Contains("Secret scan: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 commit(s): the commits since v1.0.0", run.Output, StringComparison.Ordinal);
        AssertNowhere(token[4..], run);
        AssertNowhere(before[4..], run);
    }

    [Fact]
    [Integration("shellcheck")]
    public void An_ignore_entry_lets_a_finding_through_until_it_expires_and_then_fails_Lint_on_its_line()
    {
        File.WriteAllText(_build.Path("src", "Fakes.cs"), $"const string Key = \"{FakeSecrets.AwsAccessKeyId()}\";\n");
        Directory.CreateDirectory(_build.Path("build", "secrets"));
        var ignoreFile = _build.Path("build", "secrets", "ignore.json");
        var future = DateTime.UtcNow.AddDays(100).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(ignoreFile, Entry(future));
        Commit("a fake key, ignored");

        var live = _build.Run("--target", "Lint", "--exclusive");

        Assert.True(live.ExitCode == 0, live.ToString());
        Assert.Contains("0 finding(s), 1 ignored by build/secrets/ignore.json.", live.Output, StringComparison.Ordinal);
        Assert.Contains("\"justification\": \"the fake server's key (ignored until " + future + ")\"", File.ReadAllText(_build.Path("artifacts", "lint", "secrets.sarif")), StringComparison.Ordinal);

        File.WriteAllText(ignoreFile, Entry("2025-01-31"));
        var expired = _build.Run("--target", "Lint", "--exclusive");

        Assert.True(expired.ExitCode == 1, expired.ToString());
        Assert.Contains("build/secrets/ignore.json:2:1: secret-ignore-expired the entry for aws-access-key-id in src/*.cs expired on 2025-01-31: review it and renew the date, or remove it (secret scan)", expired.All.Split('\n'));
        Assert.Contains(expired.All.Split('\n'), line => line.StartsWith("src/Fakes.cs:1:21: aws-access-key-id AKIA***", StringComparison.Ordinal));
        Assert.Equal("Error: Lint found 2 problem(s) (secret scan: 2); each is listed above as file:line.", expired.ErrorLines[^1]);

        static string Entry(string expires) => $"[\n  {{ \"id\": \"aws-access-key-id\", \"path\": \"src/*.cs\", \"reason\": \"the fake server's key\", \"expires\": \"{expires}\" }}\n]\n";
    }

    private void AssertNowhere(string secret, BuildProcessRun run)
    {
        Assert.DoesNotContain(secret, run.All, StringComparison.Ordinal);
        foreach (var (file, text) in _build.ReadArtifacts())
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{file} holds the secret");
        }
    }

    private string Commit(string message) => LintCheckout.Commit(_build, message);
}
