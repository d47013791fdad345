using System.Globalization;
using System.Text.Json;
using Build.Core.Reporting;
using Cake.Core;

namespace Build.Stages.Image.Vulnerabilities;

/// <summary>
/// Reads the checked-in ignore list: a JSON array of <c>{"id", "package" (optional), "reason", "expires": "yyyy-MM-dd"}</c>
/// (comments and trailing commas allowed). Every problem of the file is reported at once, in one line: the first
/// ones in the message, all of them in a file when there are more.
/// </summary>
public static class IgnoreFile
{
    public const string DateFormat = "yyyy-MM-dd";

    private static readonly string[] Fields = ["id", "package", "reason", "expires"];

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads <paramref name="path"/>; a missing file is an empty list unless <paramref name="required"/>.</summary>
    /// <param name="path">The ignore file.</param>
    /// <param name="required">Whether a missing file is an error (it was named on the command line).</param>
    /// <param name="problemsFile">Where every problem is written when there are more than the message names.</param>
    public static IReadOnlyList<IgnoreEntry> Load(string path, bool required, string? problemsFile = null)
    {
        if (!File.Exists(path))
        {
            return required ? throw new CakeException($"The vulnerability ignore file {path} does not exist: create it (an empty list is []) or fix the path.") : [];
        }

        return Parse(File.ReadAllText(path), path, problemsFile);
    }

    /// <param name="json">The file's content.</param>
    /// <param name="name">What to call the file in an error (its path).</param>
    /// <param name="problemsFile">Where every problem is written when there are more than the message names.</param>
    public static IReadOnlyList<IgnoreEntry> Parse(string json, string name, string? problemsFile = null)
    {
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
                throw new CakeException($"{name} must hold a JSON array of entries ({{\"id\", \"package\", \"reason\", \"expires\"}}); an empty list is [].");
            }

            var entries = new List<IgnoreEntry>();
            var problems = new List<string>();
            var number = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                number++;
                var entry = ReadEntry(element, number, problems);
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }

            return problems.Count == 0 ? entries : throw Invalid(name, problems, problemsFile);
        }
    }

    private static CakeException Invalid(string name, List<string> problems, string? problemsFile)
    {
        string? whereAll = null;
        if (problems.Count > Bounded.ListItems && problemsFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(problemsFile))!);
            File.WriteAllLines(problemsFile, problems.Select(problem => Bounded.Text(problem)));
            whereAll = problemsFile;
        }

        var count = problems.Count == 1 ? "" : $" ({problems.Count.ToString(CultureInfo.InvariantCulture)} problems)";
        return new CakeException($"{name} is invalid{count}: {Bounded.List(problems.Select(problem => Bounded.Text(problem, 200)).ToList(), "; ", whereAll)}.");
    }

    private static IgnoreEntry? ReadEntry(JsonElement element, int number, List<string> problems)
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
            problems.Add($"{label} has no id (a CVE or GHSA id)");
        }

        var reason = Text(element, "reason");
        if (reason is null)
        {
            problems.Add($"{label} has no reason (say why the finding is accepted)");
        }

        var expires = Text(element, "expires");
        DateOnly date = default;
        if (expires is null)
        {
            problems.Add($"{label} has no expires date ({DateFormat})");
        }
        else if (!DateOnly.TryParseExact(expires, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            problems.Add($"{label} has expires '{expires}', which is not a {DateFormat} date");
        }

        if (element.TryGetProperty("package", out var package) && package.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            problems.Add($"{label} has a package that is not a string");
        }

        return problems.Count == before ? new IgnoreEntry(id!, Text(element, "package"), reason!, date) : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
}
