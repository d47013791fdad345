using Build.Tests.Support;
namespace Build.Tests.EndToEnd;

/// <summary>
/// --verbosity diagnostic logs the environment: a variable whose name looks secret shows no value whatever its length,
/// and the userinfo of URL values is masked.
/// </summary>
public sealed class EnvironmentDumpTests : IDisposable
{
    private readonly BuildProcess _build = new();

    public static TheoryData<string, string, string> Variables() => new()
    {
        // Short values: under the inline rule's 8 characters, hidden by their name.
        { "DB_PASSWORD", "Sh0rt7x", "env DB_PASSWORD=***" },
        { "GITHUB_TOKEN", "abc123", "env GITHUB_TOKEN=***" },
        { "SMTP_PASS", "a1", "env SMTP_PASS=***" },
        { "TF_TOKEN_app_terraform_io", "tf.atlasv1.Zq8mK2", "env TF_TOKEN_app_terraform_io=***" },
        { "DOCKER_AUTH_CONFIG", """{"auths":{"registry.example":{"auth":"Y2k6cHc="}}}""", "env DOCKER_AUTH_CONFIG=***" },
        { "ACTIONS_RUNTIME_TOKEN", "eyJ0eXAiOi.rt", "env ACTIONS_RUNTIME_TOKEN=***" },
        { "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "idtok-42", "env ACTIONS_ID_TOKEN_REQUEST_TOKEN=***" },
        { "NPM_TOKEN", "npm_Ab12", "env NPM_TOKEN=***" },
        { "AZURE_CLIENT_SECRET", "az~Sec.9", "env AZURE_CLIENT_SECRET=***" },
        { "GOOGLE_CREDENTIALS", """{"type":"service_account"}""", "env GOOGLE_CREDENTIALS=***" },
        { "STRIPE_API_KEY", "sk_9f2a", "env STRIPE_API_KEY=***" },
        { "MYSQL_PWD", "my5ql", "env MYSQL_PWD=***" },
        { "ConnectionStrings__Default", "Server=db;Password=cs9Pw", "env ConnectionStrings__Default=***" },

        // URL values: only the userinfo goes.
        { "HTTPS_PROXY", "http://u:pw@proxy.example:3128", "env HTTPS_PROXY=http://***@proxy.example:3128" },
        { "DATABASE_URL", "postgres://app:pw@db.example/app", "env DATABASE_URL=postgres://***@db.example/app" },
        { "REPO_URI", "https://x-token-9@git.example/repo.git", "env REPO_URI=https://***@git.example/repo.git" },

        // Not secret: shown as it is.
        { "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "env AWS_ACCESS_KEY_ID=AKIDEXAMPLE" },
        { "STRIPE_PUBLISHABLE_KEY", "pk_test_1", "env STRIPE_PUBLISHABLE_KEY=pk_test_1" },
        { "NO_PROXY", "localhost,127.0.0.1", "env NO_PROXY=localhost,127.0.0.1" },
    };

    [Theory]
    [MemberData(nameof(Variables))]
    public void The_diagnostic_environment_dump_hides_secret_values_whatever_their_length(string name, string value, string expectedLine)
    {
        _build.Environment[name] = value;

        var run = _build.Run("--target", "Version", "--verbosity", "diagnostic");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.OutputLines.Contains(expectedLine), $"expected the line '{expectedLine}':\n{run}");
        Assert.Single(run.OutputLines, line => line.StartsWith($"env {name}=", StringComparison.Ordinal));
    }

    public void Dispose() => _build.Dispose();
}
