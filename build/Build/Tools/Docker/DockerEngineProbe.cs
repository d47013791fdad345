using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary>Asks the docker CLI whether an engine answers (<c>docker version</c>) and whether BuildKit's buildx is installed.</summary>
public sealed class DockerEngineProbe(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerTool<DockerVersionSettings>(fileSystem, environment, processRunner, tools, log)
{
    public DockerEngineStatus Probe(DockerVersionSettings settings)
    {
        var server = RunCaptured("version", settings, GetServerVersionArguments(settings), echo: false);
        var buildx = RunCaptured("buildx version", settings, GetBuildxArguments(settings), echo: false);
        return new DockerEngineStatus(
            server.Succeeded ? server.LastLine : null,
            server.Succeeded ? null : server.ErrorLine,
            buildx.Succeeded);
    }

    public static ProcessArgumentBuilder GetServerVersionArguments(DockerVersionSettings settings) =>
        Command(settings, "version").AppendSwitchQuoted("--format", "{{.Server.Version}}");

    public static ProcessArgumentBuilder GetBuildxArguments(DockerVersionSettings settings) =>
        Command(settings, "buildx", "version");
}
