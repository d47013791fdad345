namespace Build.Core.Checkout;

/// <summary>
/// Where a path really leads, the way the operating system walks it: components in order, every symbolic link of
/// the part that exists followed, <c>..</c> applied to the folder reached so far (so <c>link/..</c> is the link
/// target's parent, not the folder holding the link). Components that do not exist yet are kept as written.
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    public static StringComparison Comparison { get; } = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>The real path of an absolute <paramref name="path"/> (not normalised first: <c>..</c> must follow links).</summary>
    public static string Of(string path)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            throw new ArgumentException($"Not an absolute path: {path}", nameof(path));
        }

        var current = Path.GetPathRoot(path)!;
        var pending = new List<string>(Components(path[current.Length..]));
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending[0];
            pending.RemoveAt(0);
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (LinkTarget(next) is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"Too many symbolic links in {path}.");
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }

            pending.InsertRange(0, Components(target));
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> itself or lies below it (both real paths).</summary>
    public static bool IsSameOrInside(string path, string folder) =>
        path.Equals(folder, Comparison) || IsInside(path, folder);

    /// <summary>Whether <paramref name="path"/> lies strictly below <paramref name="folder"/> (both real paths).</summary>
    public static bool IsInside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, Comparison);

    private static string[] Components(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
