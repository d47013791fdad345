using System.Text.RegularExpressions;

namespace Build.Tests.Stages.CiFiles;

/// <summary>The ./build.sh calls a CI file makes, read the way its runner does: GitHub's <c>run:</c> steps, Jenkins' <c>sh</c> steps.</summary>
public static partial class CiFileCommands
{
    public static IReadOnlyList<string> OfWorkflow(string text) => [.. RunStep().Matches(text).Select(match => match.Groups["command"].Value)];

    public static IReadOnlyList<string> OfJenkinsfile(string text) => [.. ShStep().Matches(text).Select(match => match.Groups["command"].Value)];

    /// <summary>Every line of <paramref name="text"/> that mentions ./build.sh outside a comment: each must be a step the patterns above read.</summary>
    public static IReadOnlyList<string> Mentions(string text, string comment) =>
        [.. text.Split('\n').Where(line => line.Contains("./build.sh", StringComparison.Ordinal) && !line.TrimStart().StartsWith(comment, StringComparison.Ordinal))];

    [GeneratedRegex(@"^ *- run: (?<command>\./build\.sh [^\n#]*?)\s*$", RegexOptions.Multiline)]
    private static partial Regex RunStep();

    [GeneratedRegex(@"^ *sh '(?<command>\./build\.sh [^'\n]*)'\s*$", RegexOptions.Multiline)]
    private static partial Regex ShStep();
}
