using System.Globalization;
using System.Text.RegularExpressions;

namespace Build.Tools.Terraform;

/// <summary>
/// Reads the errors out of terraform's human output (-no-color): each "Error: summary" block, the file and line of
/// its "on FILE line N" source range and the first paragraph of its detail (the unindented lines after the snippet).
/// Repeats are dropped (terraform reports one bad value once per use), and terraform's notices that it stopped
/// ("execution halted", "operation canceled") give way to the error that says why.
/// </summary>
public static partial class TerraformDiagnostics
{
    private const int DetailLimit = 240;

    private static readonly string[] StopNotices = ["execution halted", "operation canceled"];

    /// <summary>The distinct errors in the order terraform printed them, files shown through <paramref name="sourcePath"/>.</summary>
    public static IReadOnlyList<TerraformDiagnostic> Errors(IReadOnlyList<string> output, Func<string, string>? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = output.Select(Unboxed).ToList();
        var found = new List<TerraformDiagnostic>();
        for (var index = 0; index < lines.Count; index++)
        {
            if (!lines[index].StartsWith("Error: ", StringComparison.Ordinal))
            {
                continue;
            }

            var end = NextBlock(lines, index + 1);
            var diagnostic = Read(lines, index, end, sourcePath ?? (file => file));
            if (!found.Contains(diagnostic))
            {
                found.Add(diagnostic);
            }

            index = end - 1;
        }

        var causes = found.Where(diagnostic => !IsStopNotice(diagnostic)).ToList();
        return causes.Count > 0 ? causes : found;
    }

    /// <summary>"first error; second error; third error (+N more)", or null when terraform printed no Error block.</summary>
    public static string? Describe(IReadOnlyList<TerraformDiagnostic> errors, int shown = 3)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return null;
        }

        var more = errors.Count > shown ? $" (+{errors.Count - shown} more above)" : "";
        return string.Join("; ", errors.Take(shown)) + more;
    }

    private static bool IsStopNotice(TerraformDiagnostic diagnostic) =>
        diagnostic.File is null && StopNotices.Contains(diagnostic.Summary.TrimEnd('.'), StringComparer.OrdinalIgnoreCase);

    private static TerraformDiagnostic Read(List<string> lines, int start, int end, Func<string, string> sourcePath)
    {
        var summary = lines[start]["Error: ".Length..].Trim();
        string? file = null;
        int? line = null;
        var detailStart = start + 1;
        for (var index = start + 1; index < end; index++)
        {
            var match = SourceRange().Match(lines[index]);
            if (match.Success)
            {
                file = sourcePath(match.Groups["file"].Value);
                line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
                detailStart = index + 1;
                break;
            }
        }

        return new TerraformDiagnostic(summary, file, line, Detail(lines, detailStart, end));
    }

    // The detail is unindented text after the (indented) snippet; its first paragraph is enough for one line.
    private static string? Detail(List<string> lines, int start, int end)
    {
        var paragraph = lines.Skip(start).Take(end - start)
            .SkipWhile(line => line.Length == 0 || char.IsWhiteSpace(line[0]))
            .TakeWhile(line => line.Trim().Length > 0)
            .Select(line => line.Trim())
            .ToList();
        if (paragraph.Count == 0)
        {
            return null;
        }

        var text = string.Join(' ', paragraph);
        return text.Length <= DetailLimit ? text : text[..(DetailLimit - 3)] + "...";
    }

    private static int NextBlock(List<string> lines, int from)
    {
        for (var index = from; index < lines.Count; index++)
        {
            if (lines[index].StartsWith("Error: ", StringComparison.Ordinal) || lines[index].StartsWith("Warning: ", StringComparison.Ordinal))
            {
                return index;
            }
        }

        return lines.Count;
    }

    // Terraform frames diagnostics in box-drawing characters when it writes to a terminal without -no-color.
    private static string Unboxed(string line)
    {
        if (line.Length == 0 || line[0] is not ('│' or '╷' or '╵'))
        {
            return line;
        }

        var rest = line[1..];
        return rest.StartsWith(' ') ? rest[1..] : rest;
    }

    [GeneratedRegex(@"^\s+on (?<file>.+?) line (?<line>\d+)(,|:)")]
    private static partial Regex SourceRange();
}
