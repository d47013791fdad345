namespace Build.Tools.Machine;

/// <summary>How a machine command ended: its exit code and its output lines (standard output and error, as they came).</summary>
public sealed record CommandResult(int ExitCode, IReadOnlyList<string> Output)
{
    /// <summary>The exit code of a command that could not be started (as a shell reports it).</summary>
    public const int NotStarted = 127;

    /// <summary>The exit code of a command stopped for running too long.</summary>
    public const int TimedOut = -1;

    public bool Succeeded => ExitCode == 0;

    /// <summary>The last <paramref name="count"/> non-empty lines, joined for an error line.</summary>
    public string Tail(int count = 5) =>
        string.Join(" | ", Output.Where(line => !string.IsNullOrWhiteSpace(line)).TakeLast(count).Select(line => line.Trim()));
}
