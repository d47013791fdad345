using System.Text.RegularExpressions;

namespace Build.Core.Secrets;

/// <summary>
/// Credentials written into a URL (<c>scheme://user:password@host</c>, or a token as the user name:
/// <c>https://TOKEN@github.com</c>). The whole userinfo is masked (<c>scheme://***@host</c>): a user name is often
/// the token itself (<c>https://TOKEN:x-oauth-basic@github.com</c>), so keeping it would leak exactly that case.
/// </summary>
public static partial class UrlCredentials
{
    /// <summary>Replaces the userinfo of every URL in the text by <paramref name="mask"/>.</summary>
    public static string Redact(string text, string mask)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains("://", StringComparison.Ordinal)
            ? Userinfo().Replace(text, match => $"{match.Groups["scheme"].Value}{mask}@")
            : text;
    }

    /// <summary>
    /// The secret parts of every URL in the text: the password (or, without one, the whole userinfo), as written and
    /// percent-decoded, so the value is also masked where it appears outside a URL.
    /// </summary>
    public static IEnumerable<string> Secrets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (Match match in Userinfo().Matches(text))
        {
            var userinfo = match.Groups["userinfo"].Value;
            var colon = userinfo.IndexOf(':', StringComparison.Ordinal);
            var secret = colon < 0 ? userinfo : userinfo[(colon + 1)..];
            if (secret.Length == 0)
            {
                continue;
            }

            yield return secret;
            var decoded = Uri.UnescapeDataString(secret);
            if (decoded != secret)
            {
                yield return decoded;
            }
        }
    }

    // The authority runs to the first '/', '?', '#', whitespace, quote or angle bracket; the greedy run that may hold
    // '@' backtracks to the LAST '@' of it, so a raw '@' inside a password (u:p@ss@host) is masked too. The scheme is
    // bounded so that a long dotted word without "://" costs little.
    [GeneratedRegex("""(?<scheme>\b[A-Za-z][A-Za-z0-9+.\-]{0,31}://)(?<userinfo>[^\s/?#"'<>`]+)@""", RegexOptions.CultureInvariant)]
    private static partial Regex Userinfo();
}
