using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary><c>docker image inspect IMAGE</c>, parsed; null when there is no such image.</summary>
public sealed class DockerImageInspector(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerTool<DockerImageInspectSettings>(fileSystem, environment, processRunner, tools, log)
{
    public DockerImageDetails? Inspect(string image, DockerImageInspectSettings settings)
    {
        var result = RunCaptured("image inspect", settings, GetArguments(image, settings), echo: false);
        if (result.Succeeded)
        {
            return DockerImageDetails.ParseInspectOutput(string.Join('\n', result.Output));
        }

        return result.Output.Any(line => line.Contains("No such image", StringComparison.OrdinalIgnoreCase))
            ? null
            : throw new CakeException($"docker image inspect {image} failed: {result.ErrorLine}");
    }

    public static ProcessArgumentBuilder GetArguments(string image, DockerImageInspectSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        return Command(settings, "image", "inspect").Append(image);
    }
}
