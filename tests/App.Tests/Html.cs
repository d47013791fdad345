using System.Net;
using System.Text.RegularExpressions;

namespace App.Tests;

/// <summary>Just enough HTML reading for assertions on server-rendered pages.</summary>
public static partial class Html
{
    public static string? Title(string html)
    {
        var match = TitlePattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value.Trim()) : null;
    }

    public static int Count(string html, string fragment) =>
        Regex.Count(html, Regex.Escape(fragment), RegexOptions.IgnoreCase);

    /// <summary>Heading levels (1 to 6) in document order.</summary>
    public static IReadOnlyList<int> HeadingLevels(string html) =>
        [.. HeadingPattern().Matches(html).Select(match => match.Groups[1].Value[0] - '0')];

    /// <summary>The start tag of the element with the given id, or null.</summary>
    public static string? StartTagById(string html, string id)
    {
        var match = Regex.Match(html, $"""<[a-z][a-z0-9]*\b[^>]*\bid="{Regex.Escape(id)}"[^>]*>""", RegexOptions.IgnoreCase);
        return match.Success ? match.Value : null;
    }

    /// <summary>The text inside the element with the given id, tags stripped and whitespace collapsed.</summary>
    public static string? TextById(string html, string id)
    {
        var match = Regex.Match(html, $"""<([a-z][a-z0-9]*)\b[^>]*\bid="{Regex.Escape(id)}"[^>]*>(.*?)</\1>""", RegexOptions.IgnoreCase | RegexOptions.Singleline);
        return match.Success ? Normalise(match.Groups[2].Value) : null;
    }

    public static string? Attribute(string? startTag, string name)
    {
        if (startTag is null)
        {
            return null;
        }

        var match = Regex.Match(startTag, $"""\s{Regex.Escape(name)}(?:="([^"]*)")?(?=[\s/>])""", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>Values of the given attribute on every element of the given tag name.</summary>
    public static IReadOnlyList<string> AttributeValues(string html, string tagName, string attribute) =>
    [
        .. Regex.Matches(html, $"""<{Regex.Escape(tagName)}\b[^>]*>""", RegexOptions.IgnoreCase)
            .Select(match => Attribute(match.Value, attribute))
            .OfType<string>(),
    ];

    public static string AntiforgeryToken(string html)
    {
        var input = Regex.Match(html, """<input\b[^>]*\bname="__RequestVerificationToken"[^>]*>""", RegexOptions.IgnoreCase);
        Assert.True(input.Success, "The page has no antiforgery token field.");
        var value = Attribute(input.Value, "value");
        Assert.False(string.IsNullOrEmpty(value), "The antiforgery token field is empty.");
        return value;
    }

    public static string Normalise(string fragment) =>
        WebUtility.HtmlDecode(WhitespacePattern().Replace(TagPattern().Replace(fragment, " "), " ")).Trim();

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex("<h([1-6])\\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhitespacePattern();
}
