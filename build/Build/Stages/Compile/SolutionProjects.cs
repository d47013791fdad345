using System.Text.RegularExpressions;

namespace Build.Stages.Compile;

/// <summary>How many projects a .sln file lists (solution folders not counted): what Compile counts its progress against.</summary>
public static partial class SolutionProjects
{
    public static int Count(string solutionFile) =>
        File.Exists(solutionFile) ? File.ReadLines(solutionFile).Count(line => ProjectLine().IsMatch(line)) : 0;

    // Project("{type}") = "App", "src\App\App.csproj", "{guid}"
    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*"",\s*""[^""]+\.[a-z]+proj""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ProjectLine();
}
