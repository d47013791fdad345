using Cake.Core;
using Cake.Core.IO;

namespace Build.Lint;

/// <summary>Runs a command line tool through Cake's process runner and captures its output.</summary>
public static class ProcessCapture
{
    public static (int ExitCode, IReadOnlyList<string> Output) Run(ICakeContext context, string tool, ProcessArgumentBuilder arguments, DirectoryPath workingDirectory)
    {
        var path = context.Tools.Resolve(tool)
            ?? throw new CakeException($"'{tool}' is not installed or not on PATH. Install it (Debian: apt-get install {tool}) and retry.");
        using var process = context.ProcessRunner.Start(path, new ProcessSettings
        {
            Arguments = arguments,
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        process.WaitForExit();
        var output = process.GetStandardOutput().Concat(process.GetStandardError()).ToList();
        return (process.GetExitCode(), output);
    }
}
