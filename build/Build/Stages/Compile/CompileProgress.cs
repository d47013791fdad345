using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Build.Stages.Compile;

/// <summary>
/// Turns what <c>dotnet build -v:minimal</c> prints into progress a person reads: each "  App -&gt; /abs/App.dll" as
/// "Compile: built App (2 of 5, 1m 02s)", the time since Compile started; MSBuild's closing summary ("Build succeeded.",
/// "0 Warning(s)", "0 Error(s)", "Time Elapsed", "FileLogger wrote to") and blank lines dropped; everything else (warnings,
/// errors, "Build FAILED.") shown as it comes.
/// </summary>
public sealed partial class CompileProgress(Action<string> show, int projects, Func<TimeSpan, string> formatDuration)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Lock _gate = new();
    private int _built;

    /// <summary>Reads one line of dotnet build's output and shows it, rewritten, or drops it.</summary>
    public void Receive(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Noise().IsMatch(line))
        {
            return;
        }

        if (Built().Match(line) is not { Success: true } built)
        {
            show(line);
            return;
        }

        int count;
        lock (_gate)
        {
            count = ++_built;
        }

        var of = count <= projects ? string.Create(CultureInfo.InvariantCulture, $"{count} of {projects}, ") : "";
        show($"Compile: built {built.Groups["project"].Value} ({of}{formatDuration(Stopwatch.GetElapsedTime(_started))})");
    }

    // With several build nodes a line may start with the node's number ("2>").
    [GeneratedRegex(@"^(\d+>)?\s*(?<project>[^\s>]+) -> \S.*$", RegexOptions.CultureInvariant)]
    private static partial Regex Built();

    [GeneratedRegex(@"^(\s*|Build succeeded\.|\s*\d+ Warning\(s\)|\s*\d+ Error\(s\)|Time Elapsed .*|FileLogger wrote to: .*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Noise();
}
