using Build.Core.Secrets;
using Cake.Core;

namespace Build.Tests.Core.Secrets;

public sealed class SecretEnvironmentTests
{
    [Theory]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("AWS_SESSION_TOKEN")]
    [InlineData("TF_TOKEN_app_terraform_io")]
    [InlineData("DOCKER_AUTH_CONFIG")]
    [InlineData("ACTIONS_RUNTIME_TOKEN")]
    [InlineData("ACTIONS_ID_TOKEN_REQUEST_TOKEN")]
    [InlineData("NPM_TOKEN")]
    [InlineData("NODE_AUTH_TOKEN")]
    [InlineData("AZURE_CLIENT_SECRET")]
    [InlineData("GOOGLE_CREDENTIALS")]
    [InlineData("DB_PASSWORD")]
    [InlineData("SMTP_PASS")]
    [InlineData("GPG_PASSPHRASE")]
    [InlineData("MYSQL_PWD")]
    [InlineData("PGPASSWORD")]
    [InlineData("NUGET_API_KEY")]
    [InlineData("ARM_ACCESS_KEY")]
    [InlineData("TF_VAR_db_password")]
    [InlineData("SLACK_WEBHOOK_URL")]
    [InlineData("AZURE_STORAGE_CONNECTION_STRING")]
    [InlineData("ConnectionStrings__Default")]
    [InlineData("GitHubToken")]
    [InlineData("ngrok_authtoken")]
    public void Names_whose_words_say_secret_are_secret(string name)
    {
        Assert.True(SecretEnvironment.IsSecretName(name), name);
    }

    [Theory]
    [InlineData("PATH")]
    [InlineData("HOME")]
    [InlineData("PWD")]
    [InlineData("OLDPWD")]
    [InlineData("AWS_ACCESS_KEY_ID")]
    [InlineData("AWS_REGION")]
    [InlineData("STRIPE_PUBLISHABLE_KEY")]
    [InlineData("SSH_PUBLIC_KEY")]
    [InlineData("SSH_AUTH_SOCK")]
    [InlineData("GIT_ASKPASS")]
    [InlineData("TOKENIZERS_PARALLELISM")]
    [InlineData("KEY")]
    [InlineData("HTTPS_PROXY")]
    [InlineData("DATABASE_URL")]
    [InlineData("POSTGRES_PASSWORD_FILE")]
    [InlineData("TOKEN_ENDPOINT")]
    [InlineData("ACTIONS_ID_TOKEN_REQUEST_URL")]
    [InlineData("SSH_PRIVATE_KEY_PATH")]
    public void Other_names_are_not(string name)
    {
        Assert.False(SecretEnvironment.IsSecretName(name), name);
    }

    [Fact]
    public void The_password_of_a_URL_argument_is_registered_as_written_and_decoded()
    {
        var secrets = new SecretRegistry();
        var arguments = new CakeArguments(new[]
        {
            new KeyValuePair<string, string>("a11y-url", "http://ci:p%40ss-word@127.0.0.1:9/"),
            new KeyValuePair<string, string>("environment", "local"),
        }.ToLookup(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase));

        SecretEnvironment.RegisterArguments(arguments, secrets);

        Assert.Equal(["p%40ss-word", "p@ss-word"], secrets.Values);
        Assert.Equal("tried ***", secrets.Redact("tried p@ss-word"));
    }
}
