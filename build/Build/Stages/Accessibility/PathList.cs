using Cake.Core;

namespace Build.Stages.Accessibility;

/// <summary>
/// Site paths to check besides what the crawl finds: the checked-in list (one per line, '#' comments) and the
/// comma-separated command-line list. Each is a path on the site, starting with '/', e.g. <c>/contact</c>.
/// </summary>
public static class PathList
{
    /// <summary>Why <paramref name="path"/> is not a site path, or null when it is one.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            return "a path starts with a single '/', e.g. /about";
        }

        if (path.Any(char.IsWhiteSpace))
        {
            return "a path has no spaces (encode them as %20)";
        }

        return Uri.TryCreate(path, UriKind.Relative, out _) ? null : "it is not a valid URL path";
    }

    /// <summary>Parses <c>/a,/b</c>; null when the list is malformed, with the reason.</summary>
    public static IReadOnlyList<string>? TryParseList(string list, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(list);
        var paths = new List<string>();
        foreach (var part in list.Split(','))
        {
            var path = part.Trim();
            problem = path.Length == 0 ? "an entry is empty" : Problem(path) is { } reason ? $"'{path}': {reason}" : null;
            if (problem is not null)
            {
                return null;
            }

            paths.Add(path);
        }

        problem = null;
        return paths;
    }

    /// <summary>Reads the checked-in list; a missing file is an empty list, a bad line an error naming file and line.</summary>
    public static IReadOnlyList<string> Load(string file, string name)
    {
        if (!File.Exists(file))
        {
            return [];
        }

        var paths = new List<string>();
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            var path = line.Trim();
            if (path.Length == 0 || path.StartsWith('#'))
            {
                continue;
            }

            if (Problem(path) is { } problem)
            {
                throw new CakeException($"{name}:{number}: '{path}' is not a site path: {problem}.");
            }

            paths.Add(path);
        }

        return paths;
    }
}
