using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary>
/// <c>docker image history --no-trunc --format {{.CreatedBy}} IMAGE</c>: the instruction behind each layer, newest first.
/// Build arguments used by RUN steps show here (<c>|1 NAME=value /bin/sh -c ...</c>), which is why the policy reads it.
/// </summary>
public sealed class DockerImageHistoryReader(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerTool<DockerImageHistorySettings>(fileSystem, environment, processRunner, tools, log)
{
    public IReadOnlyList<string> Read(string image, DockerImageHistorySettings settings)
    {
        var result = RunCaptured("image history", settings, GetArguments(image, settings), echo: false);
        return result.Succeeded
            ? result.Output
            : throw new CakeException($"docker image history {image} failed: {result.ErrorLine}");
    }

    public static ProcessArgumentBuilder GetArguments(string image, DockerImageHistorySettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        return Command(settings, "image", "history")
            .Append("--no-trunc")
            .AppendSwitchQuoted("--format", "{{.CreatedBy}}")
            .Append(image);
    }
}
