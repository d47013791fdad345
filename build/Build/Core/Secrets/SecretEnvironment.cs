using System.Text.RegularExpressions;
using Cake.Core;

namespace Build.Core.Secrets;

/// <summary>
/// Which environment variables hold secrets: a fixed list plus names whose words say so. A name is cut into words at
/// '_', '-', '.' and camelCase humps; it is secret when a word is one of <see cref="SecretWords"/> (GITHUB_TOKEN,
/// TF_TOKEN_app_terraform_io, ACTIONS_RUNTIME_TOKEN, SMTP_PASS, GOOGLE_CREDENTIALS, AZURE_CLIENT_SECRET), when its last
/// word is KEY and the key is not a public one (NUGET_API_KEY, ARM_ACCESS_KEY, not STRIPE_PUBLISHABLE_KEY or
/// AWS_ACCESS_KEY_ID), when a later word is PWD (MYSQL_PWD; PWD alone is the working directory) or when it names a
/// connection string. A last word that says the value is about the secret, not the secret itself, makes it not secret
/// (POSTGRES_PASSWORD_FILE, TOKEN_ENDPOINT, ACTIONS_ID_TOKEN_REQUEST_URL), except for a webhook, whose URL is the
/// secret (SLACK_WEBHOOK_URL). Masking a value that was not secret costs a few stars; missing one leaks it.
/// </summary>
public static partial class SecretEnvironment
{
    public static readonly IReadOnlyList<string> KnownNames =
    [
        "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_WEB_IDENTITY_TOKEN",
        "GITHUB_TOKEN", "GH_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ACTIONS_RUNTIME_TOKEN",
        "REGISTRY_PASSWORD", "DOCKER_PASSWORD", "NUGET_API_KEY", "JENKINS_API_TOKEN",
        "DOCKER_AUTH_CONFIG", "PGPASSWORD", "REDISCLI_AUTH",
    ];

    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "TOKEN", "PASSWORD", "PASSWD", "PASS", "PASSPHRASE", "SECRET", "SECRETS", "CREDENTIAL", "CREDENTIALS", "CREDS",
        "APIKEY", "AUTHTOKEN", "PRIVATEKEY", "CONNECTIONSTRING", "CONNECTIONSTRINGS", "WEBHOOK",
    };

    private static readonly HashSet<string> DescriptorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "FILE", "PATH", "DIR", "URL", "URI", "ENDPOINT", "HOST", "PORT", "TYPE", "NAME", "ID", "HEADER", "LENGTH",
        "EXPIRY", "EXPIRES", "EXPIRATION", "TTL", "LIFETIME",
    };

    private static readonly HashSet<string> PublicKeyWords = new(StringComparer.OrdinalIgnoreCase) { "PUBLIC", "PUBLISHABLE" };

    private static readonly string[] SecretArgumentWords = ["password", "token", "secret", "api-key", "apikey"];

    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (KnownNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var words = Words(name);
        if (words.Count == 0 || (DescriptorWords.Contains(words[^1]) && !words.Contains("WEBHOOK", StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        return words.Any(SecretWords.Contains)
            || (words.Count > 1 && words[^1].Equals("KEY", StringComparison.OrdinalIgnoreCase) && !PublicKeyWords.Contains(words[^2]))
            || words.Skip(1).Any(word => word.Equals("PWD", StringComparison.OrdinalIgnoreCase))
            || words.Zip(words.Skip(1)).Any(pair => pair.First.Equals("CONNECTION", StringComparison.OrdinalIgnoreCase) && pair.Second.StartsWith("STRING", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Secrets belong in the environment, but one passed as an argument (--registry-password) is masked too.</summary>
    public static bool IsSecretArgument(string name) =>
        SecretArgumentWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Registers the value of every secret-looking variable of the process environment, and the credentials of every
    /// URL in any variable (HTTPS_PROXY=http://user:pw@proxy, DATABASE_URL=postgres://user:pw@db/app).
    /// </summary>
    public static void RegisterAll(SecretRegistry secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && variable.Value is string value)
            {
                Register(secrets, name, value);
            }
        }
    }

    /// <summary>Registers the values of secret-looking arguments and the credentials of every URL-valued argument.</summary>
    public static void RegisterArguments(ICakeArguments arguments, SecretRegistry secrets)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(secrets);
        foreach (var (name, values) in arguments.GetArguments())
        {
            foreach (var value in values)
            {
                if (IsSecretArgument(name))
                {
                    secrets.Register(value);
                }

                foreach (var credential in UrlCredentials.Secrets(value))
                {
                    secrets.Register(credential);
                }
            }
        }
    }

    private static void Register(SecretRegistry secrets, string name, string value)
    {
        if (IsSecretName(name))
        {
            secrets.Register(value);
        }

        foreach (var credential in UrlCredentials.Secrets(value))
        {
            secrets.Register(credential);
        }
    }

    private static List<string> Words(string name) =>
        [.. Separators().Split(name).SelectMany(part => CamelHumps().Split(part)).Where(word => word.Length > 0)];

    [GeneratedRegex("[^A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    // GitHubToken -> Git, Hub, Token; APIKey -> API, Key; OAuthToken -> O, Auth, Token.
    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex CamelHumps();
}
