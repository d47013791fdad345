using System.Text.RegularExpressions;
using Build.Core.Secrets;

namespace Build.Stages.Image;

/// <summary>
/// What looks like a secret in an image's configuration: names (<c>*_PASSWORD</c>, <c>*_TOKEN</c>, <c>*_SECRET</c>,
/// <c>AWS_SECRET_ACCESS_KEY</c>...) and values (AWS access key ids and secret keys, GitHub tokens, private keys,
/// credentials in URLs or connection strings). Matches are described, never printed.
/// </summary>
public static partial class SecretPatterns
{
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return SecretEnvironment.IsSecretName(name) || SecretWordAtEnd().IsMatch(name);
    }

    /// <summary>What kind of credential a value looks like, or null.</summary>
    public static string? DescribeValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (AwsAccessKeyId().IsMatch(value))
        {
            return "an AWS access key id";
        }

        if (AwsSecretKeyCandidate().Matches(value).Any(match => LooksRandom(match.Value)))
        {
            return "an AWS secret access key";
        }

        if (GitHubToken().IsMatch(value))
        {
            return "a GitHub token";
        }

        if (value.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            return "a private key";
        }

        if (UrlCredentials().IsMatch(value))
        {
            return "a URL with a password";
        }

        return ConnectionStringPassword().IsMatch(value) ? "a connection string with a password" : null;
    }

    /// <summary>A hint that identifies a value without revealing it: its first characters and its length.</summary>
    public static string Hint(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= 8 ? $"({value.Length} characters)" : $"'{value[..4]}...' ({value.Length} characters)";
    }

    // 40 base64 characters with upper and lower case and digits; git commits (40 hex digits) are not.
    private static bool LooksRandom(string candidate) =>
        candidate.Any(char.IsUpper) && candidate.Any(char.IsLower) && candidate.Any(char.IsDigit) && !candidate.All(char.IsAsciiHexDigit);

    [GeneratedRegex(@"(?:^|_)(?:PASSWORD|PASSWD|PWD|SECRET|SECRETS|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretWordAtEnd();

    [GeneratedRegex(@"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b", RegexOptions.CultureInvariant)]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])", RegexOptions.CultureInvariant)]
    private static partial Regex AwsSecretKeyCandidate();

    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"(?:^|;)\s*(?:password|pwd)\s*=\s*[^;\s]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringPassword();
}
