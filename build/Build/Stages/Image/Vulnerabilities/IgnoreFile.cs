using System.Globalization;
using Build.Core.Reporting;
using Build.Core.Text;
using Cake.Core;

namespace Build.Stages.Image.Vulnerabilities;

/// <summary>
/// Reads the checked-in ignore list: a JSON array of <c>{"id", "package" (optional), "reason", "expires": "yyyy-MM-dd"}</c>
/// (comments and trailing commas allowed). Every problem of the file is reported at once, in one line: the first
/// ones in the message, all of them in a file when there are more.
/// </summary>
public static class IgnoreFile
{
    public const string DateFormat = ReviewedEntryList.DateFormat;

    private static readonly string[] Fields = ["id", "package", "reason", "expires"];

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
        var (entries, problems) = ReviewedEntryList.Parse(json, name, Fields, ReadEntry);
        return problems.Count == 0 ? entries : throw Invalid(name, problems, problemsFile);
    }

    private static CakeException Invalid(string name, IReadOnlyList<string> problems, string? problemsFile)
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

    private static IgnoreEntry? ReadEntry(ReviewedEntry entry)
    {
        var id = entry.Required("id", "a CVE or GHSA id");
        var reason = entry.Required("reason", "say why the finding is accepted");
        var expires = entry.Expires();
        if (entry.HasNonText("package"))
        {
            entry.Problem("has a package that is not a string");
        }

        return id is null || reason is null ? null : new IgnoreEntry(id, entry.Text("package"), reason, expires);
    }
}
