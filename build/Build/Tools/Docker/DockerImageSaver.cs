using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary><c>docker save --output FILE IMAGE</c>: the image's layers and config as a tarball.</summary>
public sealed class DockerImageSaver(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerTool<DockerSaveSettings>(fileSystem, environment, processRunner, tools, log)
{
    public void Save(string image, FilePath output, DockerSaveSettings settings)
    {
        var result = RunCaptured("save", settings, GetArguments(image, output, settings), echo: false);
        if (!result.Succeeded)
        {
            throw new CakeException($"docker save {image} failed: {result.ErrorLine}");
        }
    }

    public static ProcessArgumentBuilder GetArguments(string image, FilePath output, DockerSaveSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        ArgumentNullException.ThrowIfNull(output);
        return Command(settings, "save").AppendSwitchQuoted("--output", output.FullPath).Append(image);
    }
}
