using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Docker;

/// <summary><c>docker build</c> with the legacy builder or BuildKit; returns the built image id.</summary>
public sealed class DockerImageBuilder(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
    : DockerTool<DockerBuildSettings>(fileSystem, environment, processRunner, tools, log)
{
    private readonly IFileSystem _fileSystem = fileSystem;

    public string? Build(DirectoryPath context, DockerBuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        // The legacy builder's output is condensed to a line per step; BuildKit's plain progress is shown as it is.
        var condensed = settings.BuildKit ? null : new LegacyBuildOutput(line => Log.Information("{0}", line));
        var result = RunCaptured("build", settings, GetArguments(context, settings), condensed is null ? line => Log.Information("{0}", line) : condensed.Receive);
        condensed?.Finish(result.Succeeded);
        if (!result.Succeeded)
        {
            throw new CakeException($"docker build failed (exit code {result.ExitCode}): {result.ErrorLine}");
        }

        return settings.ImageIdFile is { } file && _fileSystem.Exist(file)
            ? ReadImageId(file)
            : null;
    }

    public static ProcessArgumentBuilder GetArguments(DirectoryPath context, DockerBuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Command(settings, "build");
        AppendFileArguments(builder, settings);
        AppendTagArguments(builder, settings);
        AppendBuildArgArguments(builder, settings);
        AppendLabelArguments(builder, settings);
        AppendOptionArguments(builder, settings);
        builder.AppendQuoted(context.FullPath);
        return builder;
    }

    protected override IDictionary<string, string> GetEnvironmentVariables(DockerBuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var variables = new Dictionary<string, string>(base.GetEnvironmentVariables(settings) ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["DOCKER_BUILDKIT"] = settings.BuildKit ? "1" : "0",
        };
        return variables;
    }

    private static void AppendFileArguments(ProcessArgumentBuilder builder, DockerBuildSettings settings)
    {
        if (settings.File is not null)
        {
            builder.AppendSwitchQuoted("--file", settings.File.FullPath);
        }

        if (settings.Target is not null)
        {
            builder.AppendSwitch("--target", settings.Target);
        }
    }

    private static void AppendTagArguments(ProcessArgumentBuilder builder, DockerBuildSettings settings)
    {
        foreach (var tag in settings.Tags)
        {
            builder.AppendSwitch("--tag", tag);
        }
    }

    private static void AppendBuildArgArguments(ProcessArgumentBuilder builder, DockerBuildSettings settings)
    {
        foreach (var (name, value) in settings.BuildArgs)
        {
            builder.AppendSwitchQuoted("--build-arg", $"{name}={value}");
        }
    }

    private static void AppendLabelArguments(ProcessArgumentBuilder builder, DockerBuildSettings settings)
    {
        foreach (var (name, value) in settings.Labels)
        {
            builder.AppendSwitchQuoted("--label", $"{name}={value}");
        }
    }

    private static void AppendOptionArguments(ProcessArgumentBuilder builder, DockerBuildSettings settings)
    {
        if (settings.ImageIdFile is not null)
        {
            builder.AppendSwitchQuoted("--iidfile", settings.ImageIdFile.FullPath);
        }

        if (settings.Pull)
        {
            builder.Append("--pull");
        }

        if (settings.NoCache)
        {
            builder.Append("--no-cache");
        }

        if (settings.BuildKit && settings.Progress is not null)
        {
            builder.AppendSwitch("--progress", settings.Progress);
        }
    }

    private string ReadImageId(FilePath file)
    {
        using var stream = _fileSystem.GetFile(file).OpenRead();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Trim();
    }
}
