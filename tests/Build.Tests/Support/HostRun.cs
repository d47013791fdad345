namespace Build.Tests.Support;

/// <summary>What one in-process run of a host printed and returned.</summary>
public sealed record HostRun(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public IReadOnlyList<string> ErrorLines =>
        Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
