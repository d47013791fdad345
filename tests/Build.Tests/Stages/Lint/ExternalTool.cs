using System.ComponentModel;
using System.Diagnostics;

namespace Build.Tests.Stages.Lint;

/// <summary>Runs a real command line tool for the lint tests; a missing tool or a hang fails the test.</summary>
public static class ExternalTool
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static (int ExitCode, IReadOnlyList<string> Output, string Error) Run(string tool, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"'{tool}' did not start.");
        }
        catch (Win32Exception missing)
        {
            Assert.Fail($"'{tool}' is not installed or not on PATH ({missing.Message}); install it (Debian: apt-get install {tool}, or run bash .ci/run once).");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{tool} {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s and was killed.");
            }

            process.WaitForExit();
            var lines = output.GetAwaiter().GetResult().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return (process.ExitCode, lines, error.GetAwaiter().GetResult());
        }
    }
}
