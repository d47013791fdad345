using System.Globalization;
using System.Text.Json;
using Build.Parameters;
using Cake.Core;

namespace Build.Stages.Accessibility;

/// <summary>
/// Loads the checked-in baseline of accepted violations:
/// <c>{ "accepted": [ { "rule", "page", "selector", "reason", "expires": "yyyy-MM-dd" } ] }</c>.
/// A missing file is an empty baseline; anything malformed is one clear error naming the file and the entry.
/// </summary>
public static class BaselineFile
{
    public const string DateFormat = "yyyy-MM-dd";

    private static readonly string[] Fields = ["rule", "page", "selector", "reason", "expires"];

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <param name="path">The file.</param>
    /// <param name="name">How errors name it, e.g. build/accessibility/baseline.json.</param>
    public static IReadOnlyList<BaselineEntry> Load(string path, string name) => File.Exists(path) ? Parse(File.ReadAllText(path), name) : [];

    /// <param name="json">The file's text.</param>
    /// <param name="name">How errors name the file.</param>
    public static IReadOnlyList<BaselineEntry> Parse(string json, string name)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException invalid)
        {
            throw Malformed(name, $"it is not valid JSON ({invalid.Message})");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("accepted", out var accepted)
                || accepted.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(name, "the top level must be an object with an \"accepted\" array");
            }

            var entries = new List<BaselineEntry>();
            var index = 0;
            foreach (var element in accepted.EnumerateArray())
            {
                index++;
                var entry = ReadEntry(element, name, index);
                if (entries.Any(existing => existing.Rule == entry.Rule && existing.Page == entry.Page && existing.Selector == entry.Selector))
                {
                    throw Malformed(name, $"entry {index} repeats {entry.Rule} on {entry.Page} at '{entry.Selector}'");
                }

                entries.Add(entry);
            }

            return entries;
        }
    }

    private static BaselineEntry ReadEntry(JsonElement element, string name, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(name, $"entry {index} is not an object");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Malformed(name, $"entry {index} has an unknown property \"{property.Name}\" (expected {string.Join(", ", Fields)})");
            }
        }

        string Text(string field) =>
            element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
                ? value.GetString()!.Trim()
                : throw Malformed(name, $"entry {index} needs a non-empty string \"{field}\"");

        var rule = Text("rule");
        var page = Text("page");
        if (SitePaths.Problem(page) is { } problem)
        {
            throw Malformed(name, $"entry {index} has page '{page}': {problem}");
        }

        var selector = Text("selector");
        var reason = Text("reason");
        var expires = Text("expires");
        if (!DateOnly.TryParseExact(expires, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Malformed(name, $"entry {index} has expires '{expires}', which is not a date written {DateFormat}");
        }

        return new BaselineEntry(rule, page, selector, reason, date);
    }

    private static CakeException Malformed(string name, string problem) =>
        new($"The accessibility baseline {name} is malformed: {problem}. Fix the file (format: {{ \"accepted\": [ {{ \"rule\", \"page\", \"selector\", \"reason\", \"expires\": \"{DateFormat}\" }} ] }}).");
}
