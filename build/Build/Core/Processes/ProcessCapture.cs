using Cake.Core;
using Cake.Core.IO;

namespace Build.Core.Processes;

/// <summary>Runs a command line tool found on PATH through Cake's process runner and captures its output.</summary>
public static class ProcessCapture
{
    /// <summary>
    /// Runs <paramref name="tool"/> to the end and returns its exit code and output: standard output, then standard
    /// error (not interleaved, so a caller reading the first line gets the tool's answer, not a warning).
    /// </summary>
    public static (int ExitCode, IReadOnlyList<string> Output) Run(ICakeContext context, string tool, ProcessArgumentBuilder arguments, DirectoryPath workingDirectory)
    {
        var path = context.Tools.Resolve(tool)
            ?? throw new CakeException($"'{tool}' is not installed or not on PATH. Install it (Debian: apt-get install {tool}) and retry.");
        var standardOutput = new OutputCapture();
        var standardError = new OutputCapture();
        using var process = context.ProcessRunner.Start(path, new ProcessSettings
        {
            Arguments = arguments,
            WorkingDirectory = workingDirectory,
        }.CaptureOutput(standardOutput, standardError));
        process.WaitForExit();
        return (process.GetExitCode(), [.. standardOutput.Lines, .. standardError.Lines]);
    }
}
