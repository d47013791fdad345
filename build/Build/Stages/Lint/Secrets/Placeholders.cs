using System.Text.RegularExpressions;

namespace Build.Stages.Lint.Secrets;

/// <summary>
/// What is written where a secret would go but is not one: variables (<c>${VAR}</c>, <c>$VAR</c>, <c>{{ x }}</c>,
/// <c>{name}</c>, <c>%s</c>, <c>&lt;password&gt;</c>), masks (<c>***</c>, <c>xxxx</c>), words that say so (example,
/// placeholder, changeme, dummy, redacted, your-...) and the documentation host names of RFC 2606 / RFC 6761
/// (<c>example.com</c>, <c>*.example</c>, <c>*.invalid</c>, <c>*.test</c>).
/// </summary>
public static partial class Placeholders
{
    private static readonly string[] Words = ["example", "placeholder", "changeme", "change-me", "change_me", "dummy", "redacted", "your-", "your_", "yourpassword", "sample"];

    private static readonly string[] PlainWords = ["password", "passwd", "pass", "pwd", "pw", "secret", "token", "apikey", "api_key", "user", "username", "null", "none", "empty", "x-oauth-basic"];

    public static bool IsPlaceholder(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Variable().IsMatch(value)
               || Mask().IsMatch(value)
               || Words.Any(word => value.Contains(word, StringComparison.OrdinalIgnoreCase))
               || PlainWords.Contains(value, StringComparer.OrdinalIgnoreCase);
    }

    public static bool IsDocumentationHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.TrimEnd('.').ToLowerInvariant();
        return name is "example" or "example.com" or "example.net" or "example.org"
               || name.EndsWith(".example", StringComparison.Ordinal)
               || name.EndsWith(".example.com", StringComparison.Ordinal)
               || name.EndsWith(".example.net", StringComparison.Ordinal)
               || name.EndsWith(".example.org", StringComparison.Ordinal)
               || name.EndsWith(".invalid", StringComparison.Ordinal)
               || name.EndsWith(".test", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{|\$\(|^\$[A-Za-z_]|\{\{|^\{[^}]*\}$|\{[A-Za-z_][A-Za-z0-9_.]*\}|%[sd]|^<[^>]*>$|^%[A-Za-z_]+%$", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();

    [GeneratedRegex(@"^\*+$|\*\*\*|^(?:x|X){3,}|(?:xxxx|XXXX)|^\.{3,}$|^(.)\1+$", RegexOptions.CultureInvariant)]
    private static partial Regex Mask();
}
