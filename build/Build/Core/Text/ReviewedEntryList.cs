using System.Globalization;
using System.Text.Json;
using Cake.Core;

namespace Build.Core.Text;

/// <summary>
/// A checked-in list of reviewed exceptions (the vulnerability and the secret ignore files): a JSON array of objects,
/// comments and trailing commas allowed. Reading collects every problem of every entry, so the file's author sees
/// them all at once; each reader says which fields it takes and what each entry becomes.
/// </summary>
public static class ReviewedEntryList
{
    public const string DateFormat = "yyyy-MM-dd";

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <param name="json">The file's content.</param>
    /// <param name="name">What to call the file in an error.</param>
    /// <param name="fields">The fields an entry may have (any other is a problem).</param>
    /// <param name="read">Reads one entry; null (or a problem it reported) leaves it out.</param>
    /// <returns>The entries read, and every problem found.</returns>
    public static (IReadOnlyList<T> Entries, IReadOnlyList<string> Problems) Parse<T>(string json, string name, IReadOnlyList<string> fields, Func<ReviewedEntry, T?> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(read);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException invalid)
        {
            throw new CakeException($"{name} is not valid JSON (line {invalid.LineNumber + 1}): fix it or restore it to [].");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new CakeException($"{name} must hold a JSON array of entries ({{{string.Join(", ", fields.Select(field => $"\"{field}\""))}}}); an empty list is [].");
            }

            var entries = new List<T>();
            var problems = new List<string>();
            var number = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                number++;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"entry {number} is not an object");
                    continue;
                }

                var entry = new ReviewedEntry(element, number, problems);
                problems.AddRange(element.EnumerateObject()
                    .Where(property => !fields.Contains(property.Name, StringComparer.Ordinal))
                    .Select(property => $"{entry.Label} has an unknown field '{property.Name}' (fields: {string.Join(", ", fields)})"));
                if (read(entry) is { } value && !entry.HasProblems)
                {
                    entries.Add(value);
                }
            }

            return (entries, problems);
        }
    }
}

/// <summary>One object of a <see cref="ReviewedEntryList"/>: its fields, and where its problems go (named by its label).</summary>
public sealed class ReviewedEntry
{
    private readonly JsonElement _element;
    private readonly List<string> _problems;
    private readonly int _problemsBefore;

    internal ReviewedEntry(JsonElement element, int number, List<string> problems)
    {
        _element = element;
        _problems = problems;
        _problemsBefore = problems.Count;
        Number = number;
        Id = Text("id");
        Label = Id is null ? $"entry {number}" : $"entry {number} ({Id})";
    }

    /// <summary>Gets the entry's place in the list, from 1.</summary>
    public int Number { get; }

    public string? Id { get; }

    /// <summary>Gets how problems name the entry: <c>entry 3 (CVE-2026-1)</c>.</summary>
    public string Label { get; }

    /// <summary>Gets a value indicating whether a problem was reported for this entry.</summary>
    public bool HasProblems => _problems.Count > _problemsBefore;

    /// <summary>The field's text, trimmed; null when it is missing, blank or not a string.</summary>
    public string? Text(string name) =>
        _element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    /// <summary>Gets a value indicating whether the field is there with something other than a string or null.</summary>
    public bool HasNonText(string name) => _element.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null);

    /// <summary>Reports <c>&lt;label&gt; &lt;text&gt;</c>.</summary>
    public void Problem(string text) => _problems.Add($"{Label} {text}");

    /// <summary>The required text field, or a problem <c>has no &lt;name&gt; (&lt;hint&gt;)</c>.</summary>
    public string? Required(string name, string hint)
    {
        var text = Text(name);
        if (text is null)
        {
            Problem($"has no {name} ({hint})");
        }

        return text;
    }

    /// <summary>The required <c>expires</c> date (<see cref="ReviewedEntryList.DateFormat"/>), or a problem.</summary>
    public DateOnly Expires()
    {
        var expires = Text("expires");
        if (expires is null)
        {
            Problem($"has no expires date ({ReviewedEntryList.DateFormat})");
            return default;
        }

        if (!DateOnly.TryParseExact(expires, ReviewedEntryList.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Problem($"has expires '{expires}', which is not a {ReviewedEntryList.DateFormat} date");
        }

        return date;
    }
}
