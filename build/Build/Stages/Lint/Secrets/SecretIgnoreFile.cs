using System.Globalization;
using System.Text.Json;
using Build.Stages.Image.Vulnerabilities;
using Cake.Core;

namespace Build.Stages.Lint.Secrets;

/// <summary>
/// Reads <c>build/secrets/ignore.json</c>, in the format of the vulnerability ignore file: a JSON array of
/// <c>{"id": rule, "path": file or glob, "reason", "expires": "yyyy-MM-dd"}</c> (comments and trailing commas allowed);
/// a missing file is an empty list. Every problem of the file is reported at once, in one line.
/// </summary>
public static class SecretIgnoreFile
{
    private static readonly string[] Fields = ["id", "path", "reason", "expires"];

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static IReadOnlyList<SecretIgnoreEntry> Load(string path, string name) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), name) : [];

    /// <param name="json">The file's content.</param>
    /// <param name="name">What to call the file in an error (its path from the repository root).</param>
    public static IReadOnlyList<SecretIgnoreEntry> Parse(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
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
                throw new CakeException($"{name} must hold a JSON array of entries ({{\"id\", \"path\", \"reason\", \"expires\"}}); an empty list is [].");
            }

            var entries = new List<SecretIgnoreEntry>();
            var problems = new List<string>();
            var lines = EntryLines(json);
            var number = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var entry = ReadEntry(element, ++number, number <= lines.Count ? lines[number - 1] : 1, problems);
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }

            return problems.Count == 0 ? entries : throw new CakeException($"{name} is invalid: {string.Join("; ", problems.Take(5))}{(problems.Count > 5 ? $"; and {problems.Count - 5} more" : "")}.");
        }
    }

    private static SecretIgnoreEntry? ReadEntry(JsonElement element, int number, int line, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"entry {number} is not an object");
            return null;
        }

        var id = Text(element, "id");
        var label = id is null ? $"entry {number}" : $"entry {number} ({id})";
        var before = problems.Count;
        problems.AddRange(element.EnumerateObject()
            .Where(property => !Fields.Contains(property.Name, StringComparer.Ordinal))
            .Select(property => $"{label} has an unknown field '{property.Name}' (fields: {string.Join(", ", Fields)})"));
        if (id is null)
        {
            problems.Add($"{label} has no id (a rule: {string.Join(", ", SecretRules.All.Select(rule => rule.Id))})");
        }
        else if (!SecretRules.All.Any(rule => rule.Id.Equals(id, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"{label} names no rule (rules: {string.Join(", ", SecretRules.All.Select(rule => rule.Id))})");
        }

        var path = Text(element, "path");
        if (path is null)
        {
            problems.Add($"{label} has no path (the file, from the repository root; * and ** allowed)");
        }

        if (Text(element, "reason") is null)
        {
            problems.Add($"{label} has no reason (say why the value is not a secret)");
        }

        var expires = Text(element, "expires");
        DateOnly date = default;
        if (expires is null)
        {
            problems.Add($"{label} has no expires date ({IgnoreFile.DateFormat})");
        }
        else if (!DateOnly.TryParseExact(expires, IgnoreFile.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            problems.Add($"{label} has expires '{expires}', which is not a {IgnoreFile.DateFormat} date");
        }

        return problems.Count == before ? new SecretIgnoreEntry(id!, path!, Text(element, "reason")!, date, line) : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    /// <summary>The line each top-level entry's object starts on (1-based), skipping strings and comments.</summary>
    private static List<int> EntryLines(string json)
    {
        var lines = new List<int>();
        var (line, depth, inString, escaped) = (1, 0, false, false);
        for (var index = 0; index < json.Length; index++)
        {
            var character = json[index];
            if (character == '\n')
            {
                line++;
            }

            if (inString)
            {
                (escaped, inString) = escaped ? (false, true) : character == '\\' ? (true, true) : (false, character != '"');
                continue;
            }

            if (character == '/' && index + 1 < json.Length && json[index + 1] == '/')
            {
                while (index + 1 < json.Length && json[index + 1] != '\n')
                {
                    index++;
                }

                continue;
            }

            switch (character)
            {
                case '"':
                    inString = true;
                    break;
                case '[' or '{':
                    if (depth == 1)
                    {
                        lines.Add(line);
                    }

                    depth++;
                    break;
                case ']' or '}':
                    depth--;
                    break;
            }
        }

        return lines;
    }
}
