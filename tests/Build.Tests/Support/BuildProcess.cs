using System.Diagnostics;
using System.Reflection;
using Build.Core.Secrets;

namespace Build.Tests.Support;

/// <summary>
/// Runs the real build app (Build.dll next to the tests) as a child process in a fresh temporary
/// repository root (a folder with an empty App.sln), with a controlled environment and a timeout.
/// </summary>
public sealed class BuildProcess : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    // CI detection and anything secret-looking must not leak in from the machine that runs the tests.
    private static readonly string[] RemovedPrefixes = ["GITHUB_", "RUNNER_", "ACTIONS_", "JENKINS_", "TEAMCITY_", "GITLAB_", "APPVEYOR", "TRAVIS", "BUILDKITE", "SYSTEM_", "TF_BUILD", "BITBUCKET_", "CIRCLE", "DRONE", "TEAMCITY"];

    private static readonly string[] RemovedNames = ["CI", "BUILD_URL", "BUILD_ID", "BUILD_NUMBER", "JOB_NAME", "NODE_NAME", "WORKSPACE", "EXECUTOR_NUMBER", "GO_SERVER_URL", "BAMBOO_BUILDNUMBER", "BUILD_SCRIPT_NAME"];

    public BuildProcess()
    {
        Root = Directory.CreateTempSubdirectory("build-e2e-").FullName;
        File.WriteAllText(System.IO.Path.Combine(Root, "App.sln"), "");
    }

    /// <summary>Gets the temporary repository root the build runs in.</summary>
    public string Root { get; }

    public string Artifacts => System.IO.Path.Combine(Root, "artifacts");

    /// <summary>Gets the variables set for the next runs (added to the cleaned environment).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Gets the build app in its own project's output folder, not the copy next to the tests: coverlet instruments the
    /// copies next to the tests, and instrumented copies running as concurrent child processes fight over one hits file.
    /// </summary>
    public static string BuildDll { get; } = typeof(BuildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "BuildApp").Value!;

    public string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>Every file under artifacts/ (recursively) with its text.</summary>
    public IReadOnlyDictionary<string, string> ReadArtifacts() =>
        Directory.Exists(Artifacts)
            ? Directory.EnumerateFiles(Artifacts, "*", SearchOption.AllDirectories).ToDictionary(file => file, File.ReadAllText, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public BuildProcessRun Run(params string[] arguments) => Run(Timeout, arguments);

    /// <summary>Runs the build app; <paramref name="timeout"/> bounds stages that move images (slow on a loaded machine).</summary>
    public BuildProcessRun Run(TimeSpan timeout, params string[] arguments)
    {
        return CapturedProcess.Run(StartInfo(ownProcessGroup: false, arguments), timeout, $"dotnet Build.dll {string.Join(' ', arguments)}");
    }

    /// <summary>
    /// Starts the build app and returns at once, to signal it while it runs. With <paramref name="ownProcessGroup"/>
    /// it leads a process group of its own (through setsid), so a signal to that group reaches it and its children,
    /// as a terminal's Ctrl-C or <c>timeout</c> does.
    /// </summary>
    public RunningBuild Start(bool ownProcessGroup, params string[] arguments) => new(StartInfo(ownProcessGroup, arguments));

    private ProcessStartInfo StartInfo(bool ownProcessGroup, string[] arguments)
    {
        Assert.True(File.Exists(BuildDll), $"The build app is not built: {BuildDll}");
        var start = new ProcessStartInfo(ownProcessGroup ? "setsid" : "dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (ownProcessGroup)
        {
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(BuildDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(IsRemoved).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    public static bool IsRemoved(string name) =>
        RemovedNames.Contains(name, StringComparer.OrdinalIgnoreCase)
        || RemovedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        || SecretEnvironment.IsSecretName(name);


}
