using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary><c>docker tag SOURCE TARGET</c>.</summary>
public sealed class DockerTagger(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerTool<DockerTagSettings>(fileSystem, environment, processRunner, tools, log)
{
    public void Tag(string source, string target, DockerTagSettings settings)
    {
        var result = RunCaptured("tag", settings, GetArguments(source, target, settings), echo: false);
        if (!result.Succeeded)
        {
            throw new CakeException($"docker tag {source} {target} failed: {result.ErrorLine}");
        }
    }

    public static ProcessArgumentBuilder GetArguments(string source, string target, DockerTagSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return Command(settings, "tag").Append(source).Append(target);
    }
}
