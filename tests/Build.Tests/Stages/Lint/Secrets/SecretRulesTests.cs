using Build.Stages.Lint.Secrets;

namespace Build.Tests.Stages.Lint.Secrets;

/// <summary>Each rule finds what it is for (positive) and leaves alone what only looks like it (negative).</summary>
public sealed class SecretRulesTests
{
    [Fact]
    public void AwsAccessKeyId_finds_an_AKIA_or_ASIA_key_and_shows_only_its_prefix()
    {
        var key = FakeSecrets.AwsAccessKeyId();
        var session = "AS" + "IA" + key[4..];

        var finding = Assert.Single(Scan($"aws_access_key_id = {key}"));
        Assert.Equal(("aws-access-key-id", 21, "AKIA***"), (finding.Rule, finding.Column, finding.Preview));
        Assert.Equal("aws-access-key-id", Assert.Single(Scan($"\"{session}\"")).Rule);
    }

    [Theory]
    [InlineData("AKIA" + "IOSFODNN7" + "EXAMPLE")] // AWS's documentation example
    [InlineData("AKIA" + "SHORT123")]
    [InlineData("xAKIA" + "ABCDEFGHIJKLMNOP")]
    [InlineData("akia" + "abcdefghijklmnop")]
    public void AwsAccessKeyId_leaves_examples_short_and_embedded_values(string text) =>
        Assert.DoesNotContain(Scan(text), finding => finding.Rule == "aws-access-key-id");

    [Fact]
    public void AwsSecretAccessKey_finds_a_40_character_value_assigned_to_an_AWS_secret_name()
    {
        var secret = FakeSecrets.AwsSecretAccessKey();

        Assert.Equal("aws-secret-access-key", Assert.Single(Scan($"AWS_SECRET_ACCESS_KEY={secret}")).Rule);
        Assert.Equal("aws-secret-access-key", Assert.Single(Scan($"  aws_secret_access_key: \"{secret}\"")).Rule);
        Assert.Equal("aws-secret-access-key", Assert.Single(Scan($"\"SecretAccessKey\": \"{secret}\"")).Rule);
    }

    [Theory]
    [InlineData("AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}")]
    [InlineData("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI" + "/K7MDENG/bPxRfiCY" + "EXAMPLEKEY")] // AWS's documentation example
    [InlineData("aws_secret_access_key = 0123456789" + "abcdef0123456789abcdef01234567")]
    [InlineData("secret_access_key: <paste-the-key-here>")]
    public void AwsSecretAccessKey_leaves_variables_examples_and_git_hashes(string text) =>
        Assert.DoesNotContain(Scan(text), finding => finding.Rule == "aws-secret-access-key");

    [Fact]
    public void PrivateKey_finds_a_block_with_key_material_on_the_next_line_or_in_one_string()
    {
        var header = FakeSecrets.PrivateKeyHeader();
        var material = FakeSecrets.PrivateKeyMaterial();

        var block = Assert.Single(SecretScanner.ScanText("key.pem", $"{header}\n{material}\n-----END RSA PRIVATE KEY-----\n"));
        Assert.Equal(("private-key", 1, 1, "***"), (block.Rule, block.Line, block.Column, block.Preview));
        Assert.Equal("private-key", Assert.Single(Scan($"var key = \"{FakeSecrets.PrivateKeyHeader("")}\\n{material}\\n\";")).Rule);
        Assert.Equal("private-key", Assert.Single(SecretScanner.ScanText("id", $"{FakeSecrets.PrivateKeyHeader("OPENSSH ")}\n{material}\n")).Rule);
    }

    [Theory]
    [InlineData("if (value.Contains(\"PRIVATE KEY-----\")) return \"a private key\";")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n")]
    [InlineData("Paste the file that starts with -----BEGIN RSA PRIVATE KEY----- here.\n\nThen save it.")]
    public void PrivateKey_leaves_headers_without_material_and_public_keys(string text) =>
        Assert.Empty(SecretScanner.ScanText("doc.md", text));

    [Theory]
    [InlineData("ghp")]
    [InlineData("gho")]
    [InlineData("ghu")]
    [InlineData("ghs")]
    [InlineData("ghr")]
    public void GitHubToken_finds_every_classic_kind(string kind)
    {
        var finding = Assert.Single(Scan($"GH={FakeSecrets.GitHubToken(kind)}"));
        Assert.Equal(("github-token", kind + "_***"), (finding.Rule, finding.Preview));
    }

    [Fact]
    public void GitHubToken_finds_a_fine_grained_token() =>
        Assert.Equal("github-token", Assert.Single(Scan($"token: {FakeSecrets.GitHubFineGrainedToken()}")).Rule);

    [Theory]
    [InlineData("ghp" + "_short")]
    [InlineData("my_ghp" + "_abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("uses: actions/checkout@ghp")]
    public void GitHubToken_leaves_short_and_embedded_values(string text) => Assert.Empty(Scan(text));

    [Theory]
    [InlineData("xoxb")]
    [InlineData("xoxp")]
    [InlineData("xoxa")]
    [InlineData("xoxr")]
    [InlineData("xoxs")]
    public void SlackToken_finds_every_kind(string kind) =>
        Assert.Equal("slack-token", Assert.Single(Scan($"SLACK={FakeSecrets.SlackToken(kind)}")).Rule);

    [Fact]
    public void SlackWebhook_finds_an_incoming_webhook_url()
    {
        var finding = Assert.Single(Scan($"webhook: {FakeSecrets.SlackWebhook()}"));
        Assert.Equal(("slack-webhook", "***"), (finding.Rule, finding.Preview));
    }

    [Theory]
    [InlineData("xoxb-")]
    [InlineData("xoxz-123456789012-abc")]
    [InlineData("https://hooks.slack.com/services/")]
    [InlineData("see https://api.slack.com/messaging/webhooks")]
    public void Slack_rules_leave_prefixes_and_documentation_links(string text) => Assert.Empty(Scan(text));

    [Fact]
    public void NpmToken_finds_an_access_token() =>
        Assert.Equal(("npm-token", "npm_***"), Assert.Single(Scan($"//registry.npmjs.org/:_authToken={FakeSecrets.NpmToken()}")) is var finding ? (finding.Rule, finding.Preview) : default);

    [Theory]
    [InlineData("npm" + "_config_cache=/tmp/npm")]
    [InlineData("run: npm" + "_install_dependencies_for_the_project_x")]
    public void NpmToken_leaves_npm_config_names(string text) => Assert.DoesNotContain(Scan(text), finding => finding.Rule == "npm-token");

    [Theory]
    [InlineData("DATABASE_URL=postgres://app:", "s3cr3t-Pw@db.internal:5432/app", 29)]
    [InlineData("proxy = \"http://ci:", "hunter2x@10.0.0.1:3128\"", 20)]
    [InlineData("git clone https://user:", "Zq8rT4wE@git.corp.net/app.git", 24)]
    public void UrlPassword_finds_the_password_of_a_URL(string before, string after, int column)
    {
        // In two parts, so that this file holds no URL with a password.
        var finding = Assert.Single(Scan(before + after));
        Assert.Equal(("url-password", column, "***"), (finding.Rule, finding.Column, finding.Preview));
    }

    [Theory]
    [InlineData("postgres://app:${DB_PASSWORD}@db/app")]
    [InlineData("postgres://app:$DB_PASSWORD@db/app")]
    [InlineData("http://user:***@host/")]
    [InlineData("https://{user}:{password}@{host}/")]
    [InlineData("$\"http://ci:{canary}@127.0.0.1:9/\"")]
    [InlineData("postgres://app:password@db/app")]
    [InlineData("http://u:pw@proxy:3128")]
    [InlineData("http://user:s3cr3t-Pw@registry.example/")]
    [InlineData("http://user:s3cr3t-Pw@host.invalid/")]
    [InlineData("https://github.com/org/repo@v1")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("git@github.com:org/repo.git")]
    [InlineData("postgres://app:<password>@db/app")]
    [InlineData("https://TOKEN:x-oauth-basic@github.com/")]
    public void UrlPassword_leaves_placeholders_masks_documentation_hosts_and_urls_without_a_password(string text) => Assert.Empty(Scan(text));

    [Theory]
    [InlineData("api_key = \"{0}\"")]
    [InlineData("const string Token = \"{0}\";")]
    [InlineData("\"client_secret\": \"{0}\"")]
    [InlineData("DB_PASSWORD={0}")]
    [InlineData("password: '{0}'")]
    [InlineData("ConnectionStrings__Secret := \"{0}\"")]
    public void GenericSecret_finds_a_high_entropy_value_assigned_to_a_secret_name(string format)
    {
        var finding = Assert.Single(Scan(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, FakeSecrets.HighEntropy())));
        Assert.Equal(("generic-secret", "***"), (finding.Rule, finding.Preview));
    }

    [Theory]
    [InlineData("password = \"correcthorsebatterystaple\"")] // no digit: a phrase, not a generated secret
    [InlineData("token = \"aaaaaaaaaaaaaaaa1111\"")] // low entropy
    [InlineData("api_key = \"abc123\"")] // too short
    [InlineData("SECRET_NAME = \"ACTIONS_RUNTIME_TOKEN\"")]
    [InlineData("token: ${{ secrets.GITHUB_TOKEN }}")]
    [InlineData("password = \"your-password-here-1234\"")]
    [InlineData("private const string TokenVariable = \"TF_TOKEN_app_terraform_io\";")]
    [InlineData("secret = \"Build.Core.Secrets.SecretRegistry2\"")]
    [InlineData("api_key = \"xxxxxxxxxxxxxxxxxxxxxxxx\"")]
    [InlineData("password = \"EXAMPLE-a1b2c3d4e5f6g7h8\"")]
    [InlineData("the token is then read from the file; nothing else")]
    public void GenericSecret_leaves_names_phrases_placeholders_and_low_entropy_values(string text) => Assert.Empty(Scan(text));

    [Fact]
    public void Entropy_is_zero_for_one_repeated_character_and_log2_of_the_alphabet_for_distinct_ones()
    {
        Assert.Equal(0, SecretRules.Entropy("aaaa"));
        Assert.Equal(4, SecretRules.Entropy("0123456789abcdef"), precision: 6);
    }

    [Fact]
    public void A_value_is_reported_once_by_the_first_rule_that_finds_it()
    {
        var key = FakeSecrets.AwsAccessKeyId();

        var finding = Assert.Single(Scan($"aws_access_key = \"{key}\""));

        Assert.Equal("aws-access-key-id", finding.Rule);
    }

    [Fact]
    public void No_finding_holds_the_secret_in_any_of_its_texts()
    {
        var secrets = new[] { FakeSecrets.AwsAccessKeyId(), FakeSecrets.GitHubToken(), FakeSecrets.NpmToken(), FakeSecrets.HighEntropy(), FakeSecrets.SlackWebhook() };
        var text = string.Join('\n', secrets.Select((secret, index) => $"token{index} = \"{secret}\""));

        var findings = SecretScanner.ScanText("f.txt", text);

        Assert.Equal(secrets.Length, findings.Count);
        foreach (var finding in findings)
        {
            var shown = $"{finding} {finding.Describe()} {finding.Fingerprint}";
            Assert.DoesNotContain(secrets, secret => shown.Contains(secret[4..], StringComparison.Ordinal));
        }
    }

    private static IReadOnlyList<SecretFinding> Scan(string line) => SecretScanner.ScanText("file.txt", line);
}
