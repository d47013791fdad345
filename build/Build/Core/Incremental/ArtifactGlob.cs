using System.Text.RegularExpressions;

namespace Build.Core.Incremental;

/// <summary>Files under a folder matching simple globs: '*' within one path segment, '**' across segments.</summary>
public static class ArtifactGlob
{
    public static IReadOnlyList<string> Match(string root, IEnumerable<string> globs)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var patterns = globs.Select(ToRegex).ToList();
        return [.. Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(file => patterns.Any(pattern => pattern.IsMatch(file)))
            .Order(StringComparer.Ordinal)];
    }

    private static Regex ToRegex(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
}
