namespace Build.Tools.Docker;

/// <summary>The exit code and the output lines (stdout and stderr, in arrival order) of one docker command.</summary>
public sealed record DockerCommandResult(int ExitCode, IReadOnlyList<string> Output)
{
    /// <summary>Gets the standard output lines alone (no warnings from standard error), for output a program parses.</summary>
    public IReadOnlyList<string> StandardOutput { get; init; } = [];

    public bool Succeeded => ExitCode == 0;

    /// <summary>Gets the last non-empty output line: where docker puts its error.</summary>
    public string LastLine => Output.LastOrDefault(line => !string.IsNullOrWhiteSpace(line))?.Trim() ?? "(no output)";
}
