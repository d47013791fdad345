using System.Globalization;
using System.Text.RegularExpressions;
using Build.Core.Processes;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Stages.Lint;

/// <summary>shellcheck over the repository's shell scripts, in gcc format (file:line:col: level: message [SCnnnn]).</summary>
public static partial class ShellCheckLinter
{
    public static readonly string[] Scripts = ["build.sh", ".ci/run"];

    public static IReadOnlyList<LintFinding> Run(ICakeContext context, DirectoryPath root)
    {
        var arguments = new ProcessArgumentBuilder().Append("--format=gcc").Append("--shell=bash");
        foreach (var script in Scripts)
        {
            arguments.AppendQuoted(script);
        }

        var (exitCode, output) = ProcessCapture.Run(context, "shellcheck", arguments, root);
        var findings = Parse(output);
        return exitCode != 0 && findings.Count == 0
            ? throw new CakeException($"shellcheck failed (exit {exitCode}): {string.Join(" ", output)}")
            : findings;
    }

    public static IReadOnlyList<LintFinding> Parse(IEnumerable<string> lines) =>
        [.. lines.Select(line => GccLine().Match(line)).Where(match => match.Success).Select(match => new LintFinding(
            "shellcheck",
            match.Groups["file"].Value,
            int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture),
            match.Groups["rule"].Value,
            match.Groups["message"].Value.Trim()))];

    [GeneratedRegex(@"^(?<file>[^:]+):(?<line>\d+):(?<column>\d+): (?<level>\w+): (?<message>.*) \[(?<rule>SC\d+)\]$")]
    private static partial Regex GccLine();
}
