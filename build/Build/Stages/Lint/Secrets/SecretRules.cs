using System.Text.RegularExpressions;

namespace Build.Stages.Lint.Secrets;

/// <summary>
/// The secret scan's rules. Each is a regular expression over one line with a named group <c>secret</c> (the value),
/// plus checks that keep documentation placeholders and examples out (<see cref="Placeholders"/>).
/// </summary>
public static partial class SecretRules
{
    public static readonly SecretRule AwsAccessKeyId = new PatternRule(
        "aws-access-key-id", "an AWS access key id (AKIA/ASIA and 16 characters)", AwsAccessKeyIdPattern(), 4,
        value => !value.EndsWith("EXAMPLE", StringComparison.Ordinal));

    public static readonly SecretRule AwsSecretAccessKey = new PatternRule(
        "aws-secret-access-key", "an AWS secret access key (40 characters) assigned to an AWS secret name", AwsSecretAccessKeyPattern(), 0,
        value => !Placeholders.IsPlaceholder(value) && HasUpperLowerAndDigit(value) && !value.EndsWith("EXAMPLEKEY", StringComparison.Ordinal));

    public static readonly SecretRule PrivateKey = new PrivateKeyRule();

    public static readonly SecretRule GitHubToken = new PatternRule(
        "github-token", "a GitHub token (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_)", GitHubTokenPattern(), 4, _ => true);

    public static readonly SecretRule SlackToken = new PatternRule(
        "slack-token", "a Slack token (xoxb-, xoxa-, xoxp-, xoxr-, xoxs-)", SlackTokenPattern(), 4, _ => true);

    public static readonly SecretRule SlackWebhook = new PatternRule(
        "slack-webhook", "a Slack incoming webhook URL", SlackWebhookPattern(), 0, _ => true);

    public static readonly SecretRule NpmToken = new PatternRule(
        "npm-token", "an npm access token (npm_ and 36 characters)", NpmTokenPattern(), 4, _ => true);

    public static readonly SecretRule UrlPassword = new PatternRule(
        "url-password", "a password in a URL (scheme://user:password@host)", UrlPasswordPattern(), 0, _ => true, IsRealUrlPassword);

    public static readonly SecretRule GenericSecret = new PatternRule(
        "generic-secret", "a high-entropy value (16+ characters) assigned to a name like secret, token, password or key", GenericAssignmentPattern(), 0,
        IsHighEntropySecret);

    /// <summary>Gets every rule, in the order findings on one line are reported; a value one rule found is not reported again by a later one.</summary>
    public static IReadOnlyList<SecretRule> All { get; } =
        [AwsAccessKeyId, AwsSecretAccessKey, PrivateKey, GitHubToken, SlackToken, SlackWebhook, NpmToken, UrlPassword, GenericSecret];

    /// <summary>The least Shannon entropy, in bits per character, of a generic secret's value.</summary>
    public const double MinimumEntropy = 3.5;

    public const int MinimumGenericLength = 16;

    /// <summary>Shannon entropy of <paramref name="value"/> in bits per character.</summary>
    public static double Entropy(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return 0;
        }

        return value.GroupBy(character => character)
            .Select(group => (double)group.Count() / value.Length)
            .Sum(share => -share * Math.Log2(share));
    }

    public static bool IsHighEntropySecret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length >= MinimumGenericLength
               && value.Any(char.IsAsciiLetter)
               && value.Any(char.IsAsciiDigit)
               && !Placeholders.IsPlaceholder(value)
               && !IdentifierLike().IsMatch(value)
               && Entropy(value) >= MinimumEntropy;
    }

    private static bool HasUpperLowerAndDigit(string value) =>
        value.Any(char.IsAsciiLetterUpper) && value.Any(char.IsAsciiLetterLower) && value.Any(char.IsAsciiDigit);

    private static bool IsRealUrlPassword(Match match)
    {
        var password = match.Groups["secret"].Value;
        var host = match.Groups["host"].Value.ToLowerInvariant();
        return password.Length >= 3 && !Placeholders.IsPlaceholder(password) && !Placeholders.IsDocumentationHost(host);
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex AwsAccessKeyIdPattern();

    [GeneratedRegex(@"(?i:aws[_.\-]?secret[_.\-]?(?:access[_.\-]?)?key|secret[_.\-]?access[_.\-]?key)[""']?\s*(?::=|=>|[:=])\s*[""']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])", RegexOptions.CultureInvariant)]
    private static partial Regex AwsSecretAccessKeyPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<secret>(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}))", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubTokenPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<secret>xox[baprs]-[0-9A-Za-z]{8,}(?:-[0-9A-Za-z]+)+)", RegexOptions.CultureInvariant)]
    private static partial Regex SlackTokenPattern();

    [GeneratedRegex(@"(?<secret>https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9]+/[A-Za-z0-9]+/[A-Za-z0-9]{16,})", RegexOptions.CultureInvariant)]
    private static partial Regex SlackWebhookPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NpmTokenPattern();

    [GeneratedRegex(@"\b[a-z][a-z0-9+.\-]{1,20}://[^/\s:@""'`<>]+:(?<secret>[^/\s@""'`<>]+)@(?<host>[A-Za-z0-9.\-\[\]]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPasswordPattern();

    // A name holding a secret word, as an identifier or a key (quoted or not), then =, :, :=, =>, then the value
    // (quoted, or bare up to a delimiter).
    [GeneratedRegex(@"(?i:[A-Za-z0-9_.\-]*(?:secret|token|passw(?:or)?d|pwd|api[_.\-]?key|access[_.\-]?key|private[_.\-]?key|auth[_.\-]?key|credentials?)[A-Za-z0-9_.\-]*)[""']?\s*(?::=|=>|[:=])\s*(?:[@$]?[""'`])?(?<secret>[A-Za-z0-9+/=_\-.~]{16,})", RegexOptions.CultureInvariant)]
    private static partial Regex GenericAssignmentPattern();

    // Words joined by _ - . or / (ACTIONS_RUNTIME_TOKEN, Build.Core.Secrets, some-long-name-v2, SecretRegistry2): names, not secrets.
    [GeneratedRegex(@"^[_.\-/]*(?:(?:[A-Z]?[a-z]+(?:[A-Z][a-z]+)*|[A-Z]+)[0-9]{0,4}|[0-9]+)(?:[_.\-/]+(?:(?:[A-Z]?[a-z]+(?:[A-Z][a-z]+)*|[A-Z]+)[0-9]{0,4}|[0-9]+))*[_.\-/]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierLike();

    /// <summary>A rule made of one regular expression with a group <c>secret</c> and checks on its value.</summary>
    private sealed class PatternRule(string id, string description, Regex pattern, int publicPrefix, Func<string, bool> valueCheck, Func<Match, bool>? matchCheck = null)
        : SecretRule(id, description)
    {
        public override IEnumerable<SecretMatch> Find(string line, string? nextLine)
        {
            foreach (Match match in pattern.Matches(line))
            {
                var secret = match.Groups["secret"];
                if (valueCheck(secret.Value) && (matchCheck is null || matchCheck(match)))
                {
                    yield return new SecretMatch(secret.Index, secret.Value, publicPrefix);
                }
            }
        }
    }
}
