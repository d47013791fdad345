using Cake.Core.IO;

namespace Build.Tests.Tools.Docker;

/// <summary>
/// Records every process start and plays scripted results: each line is fed to the redirected output handler, as
/// Cake's real runner does, so the tools under test capture and parse it exactly as they would docker's.
/// </summary>
public sealed class FakeProcessRunner : IProcessRunner
{
    private readonly Queue<(int ExitCode, string[] Output)> _results = new();

    public List<(FilePath Tool, ProcessSettings Settings)> Started { get; } = [];

    public ProcessSettings LastSettings => Started[^1].Settings;

    public FakeProcessRunner Returns(int exitCode, params string[] output)
    {
        _results.Enqueue((exitCode, output));
        return this;
    }

    public IProcess Start(FilePath filePath, ProcessSettings settings)
    {
        Started.Add((filePath, settings));
        var (exitCode, output) = _results.Count > 0 ? _results.Dequeue() : (0, []);
        foreach (var line in output)
        {
            settings.RedirectedStandardOutputHandler?.Invoke(line);
        }

        return new FakeProcess(exitCode);
    }

    private sealed class FakeProcess(int exitCode) : IProcess
    {
        public void Dispose()
        {
        }

        public int GetExitCode() => exitCode;

        public IEnumerable<string> GetStandardError() => [];

        public IEnumerable<string> GetStandardOutput() => [];

        public void Kill()
        {
        }

        public void WaitForExit()
        {
        }

        public bool WaitForExit(int milliseconds) => true;
    }
}
