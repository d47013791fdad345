namespace Build.Tools.Docker;

/// <summary>The exit code and the output lines (stdout and stderr, in arrival order) of one docker command.</summary>
public sealed record DockerCommandResult(int ExitCode, IReadOnlyList<string> Output)
{
    /// <summary>Gets the standard output lines alone (no warnings from standard error), for output a program parses.</summary>
    public IReadOnlyList<string> StandardOutput { get; init; } = [];

    public bool Succeeded => ExitCode == 0;

    /// <summary>Gets the standard error lines alone: where docker puts its error.</summary>
    public IReadOnlyList<string> StandardError { get; init; } = [];

    /// <summary>Gets the last non-empty output line.</summary>
    public string LastLine => Output.LastOrDefault(line => !string.IsNullOrWhiteSpace(line))?.Trim() ?? "(no output)";

    /// <summary>
    /// Gets the line that says why a command failed: the last one docker wrote to standard error, else the last output
    /// line. Not <see cref="LastLine"/>: stdout and stderr arrive on two pipes, so under load a progress line on stdout
    /// ("The push refers to repository ...") can land after the error.
    /// </summary>
    public string ErrorLine => StandardError.LastOrDefault(line => !string.IsNullOrWhiteSpace(line))?.Trim() ?? LastLine;
}
