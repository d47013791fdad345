using Build.Stages.Image;
namespace Build.Tests.Stages.Image;

public sealed class ImagePolicyTests
{
    [Fact]
    public void The_compliant_image_passes_every_rule()
    {
        var result = ImagePolicy.Evaluate(Images.Compliant(), Images.CleanHistory, Images.SmallSize, 120);

        Assert.True(result.Passed, result.FailureMessage);
        Assert.Equal("", result.FailureMessage);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("root")]
    [InlineData("0")]
    [InlineData("0:0")]
    [InlineData("root:app")]
    public void Root_or_no_user_breaks_IMG001(string? user)
    {
        var result = ImagePolicy.Evaluate(Images.Compliant(user: user), Images.CleanHistory, Images.SmallSize, 120);

        Assert.Equal("IMG001", Assert.Single(result.Violations).Rule.Id);
    }

    [Theory]
    [InlineData("DB_PASSWORD=hunter2hunter2")]
    [InlineData("GITHUB_TOKEN=abcd1234")]
    [InlineData("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("STRIPE_API_KEY=sk_live_123456")]
    [InlineData("CLIENT_SECRET=s3cr3t-value")]
    [InlineData("SOME_ID=AKIAIOSFODNN7EXAMPLE")]
    [InlineData("ConnectionStrings__Db=Server=db;User Id=app;Password=hunter2;")]
    [InlineData("ConnectionStrings__Default=Server=db.internal;Database=app")] // terraform/environments/*.tfvars app_secrets: from Secrets Manager only, never baked in
    [InlineData("UPSTREAM=https://user:pa55word@example.com/api")]
    public void A_secret_in_the_environment_breaks_IMG002_which_names_the_variable_but_not_the_value(string variable)
    {
        var result = ImagePolicy.Evaluate(Images.Compliant(env: ["PATH=/bin", variable]), Images.CleanHistory, Images.SmallSize, 120);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("IMG002", violation.Rule.Id);
        var (name, value) = (variable.Split('=', 2)[0], variable.Split('=', 2)[1]);
        Assert.Contains(name, violation.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DB_PASSWORD=")]
    [InlineData("TOKEN_ENDPOINT=https://login.example.com/oauth/token")]
    [InlineData("GIT_COMMIT=0123456789abcdef0123456789abcdef01234567")]
    [InlineData("DOTNET_VERSION=10.0.12")]
    public void Harmless_variables_break_no_rule(string variable)
    {
        var result = ImagePolicy.Evaluate(Images.Compliant(env: ["PATH=/bin", variable]), Images.CleanHistory, Images.SmallSize, 120);

        Assert.True(result.Passed, result.FailureMessage);
    }

    [Theory]
    [InlineData("|2 NPM_TOKEN=npm_abcdef123456 VERSION=1.2.3 /bin/sh -c dotnet publish", "NPM_TOKEN")]
    [InlineData("RUN |1 DEPLOY_KEY=AKIAIOSFODNN7EXAMPLE /bin/sh -c ./deploy.sh", "DEPLOY_KEY")]
    [InlineData("ARG REGISTRY_PASSWORD=hunter2hunter2", "REGISTRY_PASSWORD")]
    public void A_secret_build_arg_in_the_history_breaks_IMG003(string line, string name)
    {
        var result = ImagePolicy.Evaluate(Images.Compliant(), [.. Images.CleanHistory, line], Images.SmallSize, 120);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("IMG003", violation.Rule.Id);
        Assert.Contains(name, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_and_placeholder_labels_break_IMG004_which_lists_each()
    {
        var labels = Images.Labels((OciLabels.Source, null), (OciLabels.Revision, "unknown"));

        var result = ImagePolicy.Evaluate(Images.Compliant(labels: labels), Images.CleanHistory, Images.SmallSize, 120);

        Assert.Equal(2, result.Violations.Count);
        Assert.All(result.Violations, violation => Assert.Equal("IMG004", violation.Rule.Id));
        Assert.Contains(result.Violations, violation => violation.Message.Contains(OciLabels.Source, StringComparison.Ordinal));
        Assert.Contains(result.Violations, violation => violation.Message.Contains("placeholder 'unknown'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_credential_in_a_label_breaks_IMG002()
    {
        var labels = Images.Labels((OciLabels.Source, "https://x-access-token:ghs_abcdefghijklmnopqrstuvwxyz0123456789@github.com/example/app"));

        var result = ImagePolicy.Evaluate(Images.Compliant(labels: labels), Images.CleanHistory, Images.SmallSize, 120);

        Assert.Equal("IMG002", Assert.Single(result.Violations).Rule.Id);
    }

    [Fact]
    public void A_latest_tag_breaks_IMG005()
    {
        var result = ImagePolicy.Evaluate(Images.Compliant(tags: ["app:1.2.3", "127.0.0.1:5000/app:latest"]), Images.CleanHistory, Images.SmallSize, 120);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("IMG005", violation.Rule.Id);
        Assert.Contains("127.0.0.1:5000/app:latest", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_port_without_a_latest_tag_passes_IMG005()
    {
        var result = ImagePolicy.Evaluate(Images.Compliant(tags: ["127.0.0.1:5000/app:1.2.3"]), Images.CleanHistory, Images.SmallSize, 120);

        Assert.True(result.Passed, result.FailureMessage);
    }

    [Fact]
    public void An_image_over_budget_breaks_IMG006_which_reports_both_figures()
    {
        var result = ImagePolicy.Evaluate(Images.Compliant(), Images.CleanHistory, new ImageSize(300_000_000, 130_400_000), 120);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("IMG006", violation.Rule.Id);
        Assert.Contains("130.4 MB compressed (300 MB on disk), over the budget of 120 MB", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_or_a_disabled_healthcheck_breaks_IMG007()
    {
        var none = ImagePolicy.Evaluate(Images.Compliant(noHealthcheck: true), Images.CleanHistory, Images.SmallSize, 120);
        var disabled = ImagePolicy.Evaluate(Images.Compliant(healthcheck: new(["NONE"], 0, 0, 0, 0)), Images.CleanHistory, Images.SmallSize, 120);

        Assert.Equal("IMG007", Assert.Single(none.Violations).Rule.Id);
        Assert.Equal("IMG007", Assert.Single(disabled.Violations).Rule.Id);
    }

    [Fact]
    public void Many_problems_are_all_listed_in_one_pass_and_one_line()
    {
        var image = Images.Compliant(user: "root", env: ["API_TOKEN=abc12345"], labels: Images.Labels((OciLabels.Version, null)), tags: ["app:latest"], noHealthcheck: true);

        var result = ImagePolicy.Evaluate(image, Images.CleanHistory, new ImageSize(500_000_000, 200_000_000), 120);

        Assert.Equal(["IMG001", "IMG002", "IMG004", "IMG005", "IMG006", "IMG007"], result.Violations.Select(violation => violation.Rule.Id));
        Assert.StartsWith("Image policy: 6 violation(s): IMG001 non-root-user: ", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.FailureMessage);
    }

    [Fact]
    public void Sarif_has_every_rule_and_one_result_per_violation_on_the_Dockerfile()
    {
        var result = ImagePolicy.Evaluate(Images.Compliant(user: "root", noHealthcheck: true), Images.CleanHistory, Images.SmallSize, 120);

        using var sarif = System.Text.Json.JsonDocument.Parse(ImagePolicySarif.Write(result, "src/App/Dockerfile", "app:1.2.3"));

        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Equal(ImagePolicyRules.All.Count, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["IMG001", "IMG007"], results.Select(item => item.GetProperty("ruleId").GetString()));
        Assert.All(results, item => Assert.Equal("src/App/Dockerfile", item.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }

    [Fact]
    public void Markdown_has_a_row_per_rule_and_the_size_figures()
    {
        var result = ImagePolicy.Evaluate(Images.Compliant(), Images.CleanHistory, Images.SmallSize, 120);

        var markdown = ImagePolicyMarkdown.Section(result, "app:1.2.3");

        Assert.Contains("Image `app:1.2.3`: passed.", markdown, StringComparison.Ordinal);
        Assert.Equal(ImagePolicyRules.All.Count, markdown.Split('\n').Count(line => line.StartsWith("| IMG", StringComparison.Ordinal)));
        Assert.Contains("56 MB compressed", markdown, StringComparison.Ordinal);
        Assert.Contains("125 MB on disk; budget 120 MB compressed", markdown, StringComparison.Ordinal);
    }
}
