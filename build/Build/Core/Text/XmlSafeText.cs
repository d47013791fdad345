using System.Text;

namespace Build.Core.Text;

/// <summary>Makes arbitrary test output safe for an XML 1.0 document.</summary>
internal static class XmlSafeText
{
    /// <summary>
    /// Replaces what XML 1.0 cannot carry at all, even escaped (most C0 controls such as the ESC of ANSI colours,
    /// lone surrogates), with U+FFFD; XDocument escapes everything else when it writes.
    /// </summary>
    public static string Clean(string text)
    {
        if (text.EnumerateRunes().All(IsXmlChar))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append((IsXmlChar(rune) ? rune : Rune.ReplacementChar).ToString());
        }

        return builder.ToString();
    }

    // XML 1.0 Char production; EnumerateRunes already turns lone surrogates into U+FFFD.
    private static bool IsXmlChar(Rune rune) =>
        rune.Value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or >= 0x10000;
}
