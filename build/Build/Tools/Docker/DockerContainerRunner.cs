using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary><c>docker run --detach IMAGE</c>; returns the new container's id.</summary>
public sealed class DockerContainerRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerTool<DockerRunSettings>(fileSystem, environment, processRunner, tools, log)
{
    public string Run(string image, DockerRunSettings settings)
    {
        var result = RunCaptured("run", settings, GetArguments(image, settings), echo: false);
        if (!result.Succeeded)
        {
            throw new CakeException($"docker run {image} failed: {result.ErrorLine}");
        }

        return result.StandardOutput.LastOrDefault(line => !string.IsNullOrWhiteSpace(line))?.Trim()
            ?? throw new CakeException($"docker run {image} succeeded but printed no container id.");
    }

    public static ProcessArgumentBuilder GetArguments(string image, DockerRunSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Command(settings, "run").Append("--detach");
        if (settings.Name is not null)
        {
            builder.AppendSwitchQuoted("--name", settings.Name);
        }

        foreach (var port in settings.Publish)
        {
            builder.AppendSwitchQuoted("--publish", port);
        }

        if (settings.Restart is not null)
        {
            builder.AppendSwitchQuoted("--restart", settings.Restart);
        }

        foreach (var (name, value) in settings.Labels)
        {
            builder.AppendSwitchQuoted("--label", $"{name}={value}");
        }

        return builder.AppendQuoted(image);
    }
}
