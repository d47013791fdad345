namespace Build.Stages.Lint.Secrets;

/// <summary>
/// Runs the rules over text: a file's lines, or the lines commits added (from <c>git log -p</c>). Pure: text in,
/// findings out. One value is reported once per line, by the first rule that finds it (an AWS key id is not also a
/// generic secret).
/// </summary>
public static class SecretScanner
{
    /// <summary>Lines longer than this are not scanned (minified or generated data, not written by people).</summary>
    public const int MaxLineLength = 4096;

    public static IReadOnlyList<SecretFinding> ScanText(string file, string text, IReadOnlyList<SecretRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var findings = new List<SecretFinding>();
        for (var index = 0; index < lines.Length; index++)
        {
            var next = index + 1 < lines.Length ? lines[index + 1] : null;
            findings.AddRange(ScanLine(lines[index], next, rules).Select(found => SecretFinding.From(found.Rule, found.Match, file, index + 1, commit: null)));
        }

        return findings;
    }

    public static IEnumerable<(SecretRule Rule, SecretMatch Match)> ScanLine(string line, string? nextLine, IReadOnlyList<SecretRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        line = line.TrimEnd('\r');
        if (line.Length > MaxLineLength)
        {
            yield break;
        }

        var taken = new List<(int Start, int End)>();
        foreach (var rule in rules ?? SecretRules.All)
        {
            foreach (var match in rule.Find(line, nextLine?.TrimEnd('\r')))
            {
                var (start, end) = (match.Index, match.Index + match.Value.Length);
                if (taken.Any(span => start < span.End && span.Start < end))
                {
                    continue;
                }

                taken.Add((start, end));
                yield return (rule, match);
            }
        }
    }

    /// <summary>
    /// Scans the lines each commit added in <c>git log -p --cc --format=commit:%H</c> output (with <c>--unified=0</c>), reporting
    /// <c>commit:file:line</c> with the line number in that commit's version of the file; of a merge, the lines the
    /// merge itself added (a conflict resolution), not those it took from a parent.
    /// </summary>
    public static IReadOnlyList<SecretFinding> ScanHistory(IEnumerable<string> logLines, IReadOnlyList<SecretRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(logLines);
        var findings = new List<SecretFinding>();
        string? commit = null;
        string? file = null;
        var lineNumber = 0;
        string? pending = null;
        var pendingLine = 0;

        void Flush(string? next)
        {
            if (pending is not null && commit is not null && file is not null)
            {
                findings.AddRange(ScanLine(pending, next, rules).Select(found => SecretFinding.From(found.Rule, found.Match, file, pendingLine, commit[..Math.Min(12, commit.Length)])));
            }

            pending = null;
        }

        // Inside a hunk, the width of the line prefix: 1 for a commit's diff, one per parent for a merge's combined
        // diff (--cc), whose lines the merge added itself are "++"; 0 outside a hunk.
        var width = 0;
        foreach (var raw in logLines)
        {
            var line = raw.TrimEnd('\r');
            if (width > 0 && IsContent(line, width))
            {
                var prefix = line[..width];
                if (prefix.Contains('-', StringComparison.Ordinal))
                {
                    continue;
                }

                var text = line[width..];
                Flush(text);
                if (file is not null && !prefix.Contains(' ', StringComparison.Ordinal))
                {
                    pending = text;
                    pendingLine = lineNumber;
                }

                lineNumber++;
                continue;
            }

            if (width > 0 && line.StartsWith('\\'))
            {
                continue;
            }

            Flush(null);
            if (line.StartsWith("commit:", StringComparison.Ordinal) || line.StartsWith("diff ", StringComparison.Ordinal))
            {
                commit = line.StartsWith("commit:", StringComparison.Ordinal) ? line["commit:".Length..].Trim() : commit;
                file = null;
                width = 0;
            }
            else if (width == 0 && line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = Unquote(line[4..]);
                file = path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : null;
            }
            else if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                width = line.TakeWhile(character => character == '@').Count() - 1;
                lineNumber = HunkStart(line);
            }
            else
            {
                width = 0;
            }
        }

        Flush(null);
        return findings;
    }

    private static bool IsContent(string line, int width) =>
        line.Length >= width && line.AsSpan(0, width).IndexOfAnyExcept(" +-") < 0;

    private static int HunkStart(string header)
    {
        // @@ -a,b +c,d @@ (or @@@ -a,b -c,d +e,f @@@): the result's lines start after " +".
        var plus = header.IndexOf(" +", StringComparison.Ordinal);
        if (plus < 0)
        {
            return 0;
        }

        var digits = new string([.. header[(plus + 2)..].TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 0;
    }

    private static string Unquote(string path) =>
        path.Length >= 2 && path[0] == '"' && path[^1] == '"' ? path[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal) : path;
}
