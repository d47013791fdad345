namespace Build;

/// <summary>Which environment variables hold secrets: a fixed list plus names that look like secrets.</summary>
public static class SecretEnvironment
{
    public static readonly IReadOnlyList<string> KnownNames =
    [
        "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_WEB_IDENTITY_TOKEN",
        "GITHUB_TOKEN", "GH_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ACTIONS_RUNTIME_TOKEN",
        "REGISTRY_PASSWORD", "DOCKER_PASSWORD", "NUGET_API_KEY", "JENKINS_API_TOKEN",
    ];

    private static readonly string[] SecretArgumentWords = ["password", "token", "secret", "api-key", "apikey"];

    private static readonly string[] SecretSuffixes = ["_TOKEN", "_PASSWORD", "_SECRET", "_SECRET_KEY", "_SECRET_ACCESS_KEY", "_API_KEY", "_PRIVATE_KEY"];

    public static bool IsSecretName(string name) =>
        KnownNames.Contains(name, StringComparer.OrdinalIgnoreCase)
        || SecretSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Secrets belong in the environment, but one passed as an argument (--registry-password) is masked too.</summary>
    public static bool IsSecretArgument(string name) =>
        SecretArgumentWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>Registers the value of every secret-looking variable of the process environment.</summary>
    public static void RegisterAll(SecretRegistry secrets)
    {
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && IsSecretName(name))
            {
                secrets.Register(variable.Value as string);
            }
        }
    }
}
