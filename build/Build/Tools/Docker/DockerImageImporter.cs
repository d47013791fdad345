using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary><c>docker import TARBALL REFERENCE</c>: a root file system tarball becomes a one-layer image; returns its id.</summary>
public sealed class DockerImageImporter(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerTool<DockerImportSettings>(fileSystem, environment, processRunner, tools, log)
{
    public string Import(FilePath tarball, string reference, DockerImportSettings settings)
    {
        var result = RunCaptured("import", settings, GetArguments(tarball, reference, settings), echo: false);
        if (!result.Succeeded)
        {
            throw new CakeException($"docker import of {tarball.FullPath} failed: {result.ErrorLine}");
        }

        return result.Output.LastOrDefault(line => line.StartsWith("sha256:", StringComparison.Ordinal))?.Trim()
            ?? throw new CakeException($"docker import printed no image id: {result.LastLine}");
    }

    public static ProcessArgumentBuilder GetArguments(FilePath tarball, string reference, DockerImportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(tarball);
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Command(settings, "import");
        AppendChangeArguments(builder, settings);
        return builder.AppendQuoted(tarball.FullPath).Append(reference);
    }

    private static void AppendChangeArguments(ProcessArgumentBuilder builder, DockerImportSettings settings)
    {
        foreach (var change in settings.Changes)
        {
            builder.AppendSwitchQuoted("--change", change);
        }

        if (settings.Message is not null)
        {
            builder.AppendSwitchQuoted("--message", settings.Message);
        }
    }
}
