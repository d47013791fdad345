using System.Diagnostics;
using System.Text;
using Build.Tests.Support;

namespace Build.Tests.Stages.Accessibility;

/// <summary>
/// Runs the real build app (Build.dll next to the tests) as a child process in a given repository root. A child,
/// not the host in-process: Cake sets the process's current directory to the build's working directory.
/// </summary>
public static class BuildApp
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    // CI detection changes presentation (log groups, annotations); these tests read plain output.
    private static readonly string[] CiVariables = ["CI", "GITHUB_ACTIONS", "JENKINS_URL", "JENKINS_HOME", "TF_BUILD", "GITLAB_CI"];

    public static async Task<HostRun> RunAsync(string root, params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Build.dll");
        Assert.True(File.Exists(dll), $"The build app is not next to the tests: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in CiVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet Build.dll {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s and was killed.");
        }

        return new HostRun(process.ExitCode, Normalize(await output), Normalize(await error));
    }

    private static string Normalize(string text) => new StringBuilder(text).Replace("\r\n", "\n").ToString();
}
