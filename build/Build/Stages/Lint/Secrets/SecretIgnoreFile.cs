using Build.Core.Text;
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

    public static IReadOnlyList<SecretIgnoreEntry> Load(string path, string name) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), name) : [];

    /// <param name="json">The file's content.</param>
    /// <param name="name">What to call the file in an error (its path from the repository root).</param>
    public static IReadOnlyList<SecretIgnoreEntry> Parse(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        var lines = EntryLines(json);
        var (entries, problems) = ReviewedEntryList.Parse(json, name, Fields, entry => ReadEntry(entry, entry.Number <= lines.Count ? lines[entry.Number - 1] : 1));
        return problems.Count == 0 ? entries : throw new CakeException($"{name} is invalid: {string.Join("; ", problems.Take(5))}{(problems.Count > 5 ? $"; and {problems.Count - 5} more" : "")}.");
    }

    private static SecretIgnoreEntry? ReadEntry(ReviewedEntry entry, int line)
    {
        var rules = string.Join(", ", SecretRules.All.Select(rule => rule.Id));
        var id = entry.Required("id", $"a rule: {rules}");
        if (id is not null && !SecretRules.All.Any(rule => rule.Id.Equals(id, StringComparison.OrdinalIgnoreCase)))
        {
            entry.Problem($"names no rule (rules: {rules})");
        }

        var path = entry.Required("path", "the file, from the repository root; * and ** allowed");
        var reason = entry.Required("reason", "say why the value is not a secret");
        var expires = entry.Expires();
        return id is null || path is null || reason is null ? null : new SecretIgnoreEntry(id, path, reason, expires, line);
    }

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
