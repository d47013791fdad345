namespace Build.Tests.Support;

/// <summary>What one run of the build app as a child process printed and returned.</summary>
public sealed record BuildProcessRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public IReadOnlyList<string> OutputLines => Output.Split('\n');

    public int IndexOfLine(string line) => Output.Split('\n').ToList().IndexOf(line);

    public IReadOnlyList<string> ErrorLines =>
        Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
