using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Build.Core.Secrets;

/// <summary>
/// The ways a secret value is spelled once a writer has escaped it: an XML, HTML, JSON, URL or Markdown writer turns
/// <c>a&amp;b+c</c> into <c>a&amp;amp;b+c</c>, <c>a\u0026b\u002Bc</c>, <c>a%26b%2Bc</c> or <c>a\&amp;b+c</c>, and a
/// plain search for the value finds none of them. Every form is masked.
/// </summary>
public static class SecretForms
{
    // What Markdown writers of the build backslash-escape (Testing/MarkdownText, and '|' in table cells).
    private const string MarkdownSpecial = "\\`*_[]<>&|~";

    public static IReadOnlyList<string> Of(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        string[] forms =
        [
            secret,
            Replace(secret, ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")),
            Replace(secret, ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;")),
            Replace(secret, ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&apos;")),
            WebUtility.HtmlEncode(secret),
            JsonEncodedText.Encode(secret).ToString(),
            JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
            Uri.EscapeDataString(secret),
            Escape(secret, MarkdownSpecial),
            Escape(secret, "|"),
        ];
        return [.. forms.Distinct(StringComparer.Ordinal)];
    }

    private static string Replace(string text, params (string From, string To)[] replacements)
    {
        var builder = new StringBuilder(text);
        foreach (var (from, to) in replacements)
        {
            builder.Replace(from, to);
        }

        return builder.ToString();
    }

    private static string Escape(string text, string special)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (special.Contains(character, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(character);
        }

        return builder.ToString();
    }
}
