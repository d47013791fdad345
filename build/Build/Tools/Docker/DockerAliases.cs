using Cake.Core;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace Build.Tools.Docker;

/// <summary>Cake aliases for the docker CLI (the subset the build uses), in the style of Cake.Docker.</summary>
[CakeAliasCategory("Docker")]
public static class DockerAliases
{
    [CakeMethodAlias]
    public static string? DockerBuild(this ICakeContext context, DirectoryPath buildContext, DockerBuildSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DockerImageBuilder(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Build(buildContext, settings);
    }

    [CakeMethodAlias]
    public static void DockerTag(this ICakeContext context, string source, string target, DockerTagSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        new DockerTagger(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Tag(source, target, settings ?? new());
    }

    [CakeMethodAlias]
    public static DockerPushResult DockerPush(this ICakeContext context, string image, DockerPushSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DockerPusher(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Push(image, settings ?? new());
    }

    /// <summary>Logs in with <c>--password-stdin</c>; the password never reaches the command line or the log.</summary>
    [CakeMethodAlias]
    public static void DockerLogin(this ICakeContext context, string server, string password, DockerLoginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        new DockerRegistryLogin(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Login(server, password, settings);
    }

    [CakeMethodAlias]
    public static DockerImageDetails? DockerImageInspect(this ICakeContext context, string image, DockerImageInspectSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DockerImageInspector(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Inspect(image, settings ?? new());
    }

    [CakeMethodAlias]
    public static IReadOnlyList<string> DockerImageHistory(this ICakeContext context, string image, DockerImageHistorySettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DockerImageHistoryReader(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Read(image, settings ?? new());
    }

    [CakeMethodAlias]
    public static string DockerImport(this ICakeContext context, FilePath tarball, string reference, DockerImportSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DockerImageImporter(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Import(tarball, reference, settings ?? new());
    }

    [CakeMethodAlias]
    public static void DockerSave(this ICakeContext context, string image, FilePath output, DockerSaveSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        new DockerImageSaver(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Save(image, output, settings ?? new());
    }

    [CakeMethodAlias]
    public static DockerEngineStatus DockerEngine(this ICakeContext context, DockerVersionSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DockerEngineProbe(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Probe(settings ?? new());
    }

    /// <summary>Starts a detached container; returns its id.</summary>
    [CakeMethodAlias]
    public static string DockerRun(this ICakeContext context, string image, DockerRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DockerContainerRunner(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log).Run(image, settings);
    }

    /// <summary>The container lifecycle commands (inspect, stop, start, rm, rename, logs).</summary>
    [CakeMethodAlias]
    public static DockerContainers DockerContainers(this ICakeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DockerContainers(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log);
    }
}
