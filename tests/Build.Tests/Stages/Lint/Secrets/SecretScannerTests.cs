using Build.Stages.Lint.Secrets;

namespace Build.Tests.Stages.Lint.Secrets;

/// <summary>The scan of a file's text and of <c>git log -p</c> output: lines, columns, commits, and nothing of the value.</summary>
public sealed class SecretScannerTests
{
    [Fact]
    public void ScanText_reports_file_line_and_rule()
    {
        var text = $"# settings\r\nregion = eu-west-1\r\nkey = {FakeSecrets.AwsAccessKeyId()}\r\n";

        var finding = Assert.Single(SecretScanner.ScanText("config/app.ini", text));

        Assert.Equal("config/app.ini:3 aws-access-key-id", finding.ToString());
        Assert.Equal(7, finding.Column);
        Assert.Null(finding.Commit);
    }

    [Fact]
    public void ScanText_skips_lines_longer_than_the_limit()
    {
        var text = new string('a', SecretScanner.MaxLineLength) + " " + FakeSecrets.AwsAccessKeyId();

        Assert.Empty(SecretScanner.ScanText("min.js", text));
    }

    [Fact]
    public void ScanHistory_reports_the_added_lines_with_their_commit_and_line_in_that_commit()
    {
        var token = FakeSecrets.GitHubToken();
        var key = FakeSecrets.AwsAccessKeyId();
        string[] log =
        [
            "commit:1111111111111111111111111111111111111111",
            "",
            "diff --git a/notes.txt b/notes.txt",
            "deleted file mode 100644",
            "index 3b18e51..0000000",
            "--- a/notes.txt",
            "+++ /dev/null",
            "@@ -1,2 +0,0 @@",
            "-hello",
            $"-token {token}",
            "commit:2222222222222222222222222222222222222222",
            "",
            "diff --git a/notes.txt b/notes.txt",
            "new file mode 100644",
            "index 0000000..3b18e51",
            "--- /dev/null",
            "+++ b/notes.txt",
            "@@ -0,0 +1,2 @@",
            "+hello",
            $"+token {token}",
            "diff --git a/src/a.cs b/src/a.cs",
            "--- a/src/a.cs",
            "+++ b/src/a.cs",
            "@@ -10 +10 @@ class A",
            "-old",
            "+++ this line starts with two pluses",
            "@@ -40,0 +41,2 @@ class A",
            "+// nothing",
            $"+var id = \"{key}\";",
        ];

        var findings = SecretScanner.ScanHistory(log);

        Assert.Equal(["222222222222:notes.txt:2 github-token", "222222222222:src/a.cs:42 aws-access-key-id"], findings.Select(finding => finding.ToString()));
    }

    [Fact]
    public void ScanHistory_finds_a_private_key_whose_material_is_on_the_next_added_line()
    {
        string[] log =
        [
            "commit:3333333333333333333333333333333333333333",
            "diff --git a/id_rsa b/id_rsa",
            "--- /dev/null",
            "+++ b/id_rsa",
            "@@ -0,0 +1,3 @@",
            "+" + FakeSecrets.PrivateKeyHeader(),
            "+" + FakeSecrets.PrivateKeyMaterial(),
            "+-----END RSA PRIVATE KEY-----",
        ];

        Assert.Equal("333333333333:id_rsa:1 private-key", Assert.Single(SecretScanner.ScanHistory(log)).ToString());
    }

    [Fact]
    public void ScanHistory_reads_of_a_merge_only_the_lines_it_added_itself_with_their_line_in_the_result()
    {
        var mine = FakeSecrets.NpmToken();
        var theirs = FakeSecrets.GitHubToken();
        string[] log =
        [
            "commit:5555555555555555555555555555555555555555",
            "",
            "diff --cc app.txt",
            "index 1111111,2222222..3333333",
            "--- a/app.txt",
            "+++ b/app.txt",
            "@@@ -1,1 -1,1 +1,3 @@@",
            "- main",
            " -side",
            $"+ {theirs}",
            " +side",
            $"++{mine}",
        ];

        Assert.Equal("555555555555:app.txt:3 npm-token", Assert.Single(SecretScanner.ScanHistory(log)).ToString());
    }

    [Fact]
    public void Judge_lets_through_what_a_live_entry_matches_and_fails_expired_entries()
    {
        var today = new DateOnly(2026, 11, 30);
        var inTests = SecretScanner.ScanText("tests/Fakes/FakeAws.cs", $"const string Key = \"{FakeSecrets.AwsAccessKeyId()}\";")[0];
        var inSource = SecretScanner.ScanText("src/App/Settings.cs", $"const string Key = \"{FakeSecrets.AwsAccessKeyId()}\";")[0];
        SecretIgnoreEntry[] ignore =
        [
            new("aws-access-key-id", "tests/**/Fake*.cs", "fake keys of the fake AWS servers", today, 2),
            new("github-token", "docs/*.md", "an old example", today.AddDays(-1), 8),
        ];

        var result = SecretScan.Judge([inTests, inSource], ignore, today, "scope");

        Assert.Equal([inSource], result.Findings);
        Assert.Equal((inTests, ignore[0]), Assert.Single(result.Ignored));
        Assert.Equal([ignore[1]], result.Expired);
        Assert.Equal([ignore[0]], result.ExpiringSoon);
        Assert.Empty(result.Unused);
    }
}
