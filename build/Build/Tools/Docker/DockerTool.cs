using Build.Core.Processes;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary>
/// The docker CLI as a Cake tool, the way Cake.Docker wraps it: one runner and one settings class per command,
/// arguments built only with <see cref="ProcessArgumentBuilder"/>. Output is captured for the runners to parse and,
/// where it helps, echoed through the log (so the build's secret redaction sees it).
/// </summary>
public abstract class DockerTool<TSettings>(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : Tool<TSettings>(fileSystem, environment, processRunner, tools)
    where TSettings : DockerSettings
{
    protected ICakeLog Log { get; } = log;

    /// <summary>Starts the argument list with the global options, then the command words (<c>image inspect</c>).</summary>
    protected static ProcessArgumentBuilder Command(TSettings settings, params string[] words)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new ProcessArgumentBuilder();
        if (settings.ConfigDirectory is not null)
        {
            builder.AppendSwitchQuoted("--config", settings.ConfigDirectory.FullPath);
        }

        foreach (var word in words)
        {
            builder.Append(word);
        }

        return builder;
    }

    protected override string GetToolName() => "docker";

    protected override IEnumerable<string> GetToolExecutableNames() => ["docker", "docker.exe"];

    /// <summary>Runs docker and returns its exit code and output; the caller decides what a failure means.</summary>
    protected DockerCommandResult RunCaptured(string command, TSettings settings, ProcessArgumentBuilder arguments, bool echo, ProcessStandardInput? standardInput = null) =>
        RunCaptured(command, settings, arguments, echo ? line => Log.Information("{0}", line) : null, standardInput);

    /// <summary>Runs docker and returns its exit code and output; each line, as it arrives, also goes to <paramref name="onLine"/>.</summary>
    protected DockerCommandResult RunCaptured(string command, TSettings settings, ProcessArgumentBuilder arguments, Action<string>? onLine, ProcessStandardInput? standardInput = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var output = new OutputCapture(onLine);

        // Standard output alone too: what docker prints for a program to read (JSON, ids) without its warnings.
        var standardOutput = new OutputCapture(line => output.Receive(line));
        var standardError = new OutputCapture(line => output.Receive(line));
        using var process = RunProcess(settings, arguments, new ProcessSettings { StandardInput = standardInput }.CaptureOutput(standardOutput, standardError));
        ProcessWait.ForExit(process, settings.ToolTimeout, $"docker {command}");
        return new DockerCommandResult(process.GetExitCode(), output.Lines) { StandardOutput = standardOutput.Lines, StandardError = standardError.Lines };
    }
}
