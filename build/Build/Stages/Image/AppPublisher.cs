using Build.Core.Versioning;
using Cake.Common.IO;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.MSBuild;
using Cake.Common.Tools.DotNet.Publish;
using Cake.Core;

namespace Build.Stages.Image;

/// <summary>
/// Publishes the app for the image on the host: self-contained linux-x64 (the runtime-deps base has no .NET),
/// InvariantGlobalization (no ICU in the base), not trimmed (Razor Pages is not trim-safe: the trimmer reports
/// IL2026 on AddRazorPages), with the version and commit stamped in. The output is split into the two layer folders.
/// </summary>
public static class AppPublisher
{
    public const string RuntimeIdentifier = "linux-x64";

    public static PublishedApp Publish(ICakeContext context, ImagePaths paths, BuildVersion version, string configuration, bool continuousIntegration)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(version);
        context.CleanDirectory(paths.PublishOutput);
        context.DotNetPublish(paths.Project.FullPath, Settings(paths, version, configuration, continuousIntegration));
        var (runtime, app) = ImageLayout.Split(paths.PublishOutput.FullPath, paths.PrebuiltContext.FullPath, ImagePaths.AssemblyName);
        return new PublishedApp(paths.PrebuiltContext, runtime, app);
    }

    public static DotNetPublishSettings Settings(ImagePaths paths, BuildVersion version, string configuration, bool continuousIntegration)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(version);
        var intermediate = paths.PublishIntermediate.FullPath;
        return new DotNetPublishSettings
        {
            Configuration = configuration,
            Runtime = RuntimeIdentifier,
            SelfContained = true,
            OutputDirectory = paths.PublishOutput,
            Verbosity = DotNetVerbosity.Minimal,
            MSBuildSettings = new DotNetMSBuildSettings()
                .WithProperty("Version", version.Version)
                .WithProperty("InformationalVersion", version.InformationalVersion)
                .WithProperty("GitCommit", version.Commit)
                .WithProperty("InvariantGlobalization", "true")
                .WithProperty("ContinuousIntegrationBuild", continuousIntegration ? "true" : "false"),

            // Its own bin/obj: a RID-specific restore must not rewrite the solution's project.assets.json.
            ArgumentCustomization = arguments => arguments.AppendSwitchQuoted("--artifacts-path", intermediate),
        };
    }
}
