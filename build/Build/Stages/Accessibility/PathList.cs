using Build.Parameters;
using Cake.Core;

namespace Build.Stages.Accessibility;

/// <summary>
/// The checked-in list of site paths to check besides what the crawl finds: one per line, '#' comments; each line
/// follows <see cref="SitePaths"/>' rule, as <c>--a11y-paths</c> does.
/// </summary>
public static class PathList
{
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

            if (SitePaths.Problem(path) is { } problem)
            {
                throw new CakeException($"{name}:{number}: '{path}' is not a site path: {problem}.");
            }

            paths.Add(path);
        }

        return paths;
    }
}
