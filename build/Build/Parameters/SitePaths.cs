namespace Build.Parameters;

/// <summary>
/// The rule for a path on the checked site, e.g. <c>/contact</c>: what <c>--a11y-paths</c> takes (comma-separated) and
/// what the checked-in list and the accessibility baseline hold.
/// </summary>
public static class SitePaths
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
}
