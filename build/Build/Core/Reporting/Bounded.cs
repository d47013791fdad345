using System.Globalization;
using System.Text;

namespace Build.Core.Reporting;

/// <summary>
/// Keeps every message and report section to a size a person (and a CI page) can take: the first items of a list
/// and "+M more", the start of a long text and how much was cut. Whoever cuts says where the full text is.
/// </summary>
public static class Bounded
{
    /// <summary>How many items of a list a message names.</summary>
    public const int ListItems = 10;

    /// <summary>The most characters of one message (an error line, a task's note in the report).</summary>
    public const int LineCharacters = 2000;

    /// <summary>The most characters of one section of summary.md.</summary>
    public const int SectionCharacters = 64 * 1024;

    /// <summary>The most characters of summary.md: GitHub refuses a step summary over 1 MiB.</summary>
    public const int SummaryCharacters = 900 * 1024;

    /// <summary>"a; b; c" or, past <paramref name="max"/> items, "a; b; ... (+M more[, where])".</summary>
    public static string List(IReadOnlyCollection<string> items, string separator, string? whereAll = null, int max = ListItems)
    {
        ArgumentNullException.ThrowIfNull(items);
        var shown = string.Join(separator, items.Take(max));
        if (items.Count <= max)
        {
            return shown;
        }

        var more = (items.Count - max).ToString(CultureInfo.InvariantCulture);
        return whereAll is null ? $"{shown} (+{more} more)" : $"{shown} (+{more} more; all {items.Count.ToString(CultureInfo.InvariantCulture)} in {whereAll})";
    }

    /// <summary>The text itself when short enough, else its start and how many characters were cut.</summary>
    public static string Text(string text, int maxCharacters = LineCharacters, string? whereAll = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxCharacters)
        {
            return text;
        }

        var cut = (text.Length - maxCharacters).ToString(CultureInfo.InvariantCulture);
        return whereAll is null
            ? $"{text[..maxCharacters]}... (+{cut} characters)"
            : $"{text[..maxCharacters]}... (+{cut} characters; the whole text is in {whereAll})";
    }

    /// <summary>Markdown cut at a line boundary at most <paramref name="maxCharacters"/> long, with a closing note.</summary>
    public static string Markdown(string markdown, int maxCharacters, string whereAll)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length <= maxCharacters)
        {
            return markdown;
        }

        var end = markdown.LastIndexOf('\n', maxCharacters - 1);
        var kept = end > 0 ? markdown[..end] : markdown[..maxCharacters];
        var text = new StringBuilder(kept.TrimEnd());
        text.AppendLine();
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"_Cut here: {markdown.Length - kept.Length} more characters; the whole text is in `{whereAll}`._");
        return text.ToString();
    }
}
