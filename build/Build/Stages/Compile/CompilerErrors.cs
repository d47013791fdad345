using System.Globalization;
using System.Text.RegularExpressions;

namespace Build.Stages.Compile;

/// <summary>
/// The errors of a failed <c>dotnet build</c>, read from its errors-only file log (<c>-flp:errorsonly</c>), turned into
/// the one line a failed Compile ends with: <c>src/App/Pages/Index.cshtml.cs(12,9): CS1002 ; expected</c>, paths
/// relative to the repository, each error once (a project built for two frameworks reports it twice).
/// </summary>
public static partial class CompilerErrors
{
    /// <summary>How many errors the line names.</summary>
    public const int Named = 3;

    /// <summary>Each error of the log once, as "file(line,col): CODE message" (or "origin: CODE message" without a place).</summary>
    public static IReadOnlyList<string> Read(IEnumerable<string> logLines, string root)
    {
        ArgumentNullException.ThrowIfNull(logLines);
        ArgumentNullException.ThrowIfNull(root);
        var errors = new List<string>();
        foreach (var line in logLines)
        {
            var match = ErrorLine().Match(NodePrefix().Replace(line.Trim(), ""));
            if (!match.Success)
            {
                continue;
            }

            var origin = Relative(match.Groups["origin"].Value.Trim(), root);
            var place = match.Groups["line"].Success
                ? string.Create(CultureInfo.InvariantCulture, $"{origin}({match.Groups["line"].Value}{(match.Groups["column"].Success ? "," + match.Groups["column"].Value : "")})")
                : origin;
            var error = $"{place}: {match.Groups["code"].Value} {match.Groups["message"].Value.Trim()}";
            if (!errors.Contains(error, StringComparer.Ordinal))
            {
                errors.Add(error);
            }
        }

        return errors;
    }

    /// <summary>"Compile failed: a.cs(1,2): CS1002 ; expected; b.cs(3,4): CS0103 ... (+2 more errors in artifacts/compile/errors.log)".</summary>
    /// <param name="errors">What <see cref="Read"/> found.</param>
    /// <param name="exitCode">dotnet build's exit code.</param>
    /// <param name="logFile">Where every error is (relative to the repository).</param>
    public static string Line(IReadOnlyList<string> errors, int exitCode, string logFile)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Compile failed: dotnet build exited with code {exitCode} and logged no compiler error; see its output above.");
        }

        var more = errors.Count > Named ? string.Create(CultureInfo.InvariantCulture, $" (+{errors.Count - Named} more {(errors.Count - Named == 1 ? "error" : "errors")} in {logFile})") : "";
        return $"Compile failed: {string.Join("; ", errors.Take(Named))}{more}";
    }

    private static string Relative(string origin, string root)
    {
        if (!Path.IsPathFullyQualified(origin))
        {
            return origin;
        }

        var relative = Path.GetRelativePath(root, origin);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative) ? origin : relative.Replace('\\', '/');
    }

    // With several build nodes each line starts with the node's number: "2>src/a.cs(1,2): error ...".
    [GeneratedRegex(@"^\d+>", RegexOptions.CultureInvariant)]
    private static partial Regex NodePrefix();

    // MSBuild's canonical error format: "origin(line,col[,endLine,endCol]): [subcategory ]error CODE: message [project]".
    [GeneratedRegex(@"^(?<origin>.+?)(?:\((?<line>\d+)(?:,(?<column>\d+))?(?:,\d+,\d+)?\))?\s*:\s*(?:[^:]*\s)?error\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[[^\]]+\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorLine();
}
