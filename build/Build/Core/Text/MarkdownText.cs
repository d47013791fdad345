using System.Text;

namespace Build.Core.Text;

/// <summary>Makes arbitrary text (a failure message) render literally inside a Markdown paragraph or list item.</summary>
internal static class MarkdownText
{
    // CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can start markup mid-line
    // (emphasis, code, links, HTML tags, entities, table cells, strikethrough).
    private const string Special = "\\`*_[]<>&|~";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (Special.Contains(character, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(character);
        }

        return builder.ToString();
    }
}
