using Build.Versioning;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build;

/// <summary>Reads and validates every parameter, then fills the context, before the first task runs.</summary>
public sealed class BuildLifetime : FrostingLifetime<BuildContext>
{
    public override void Setup(BuildContext context, ISetupContext info)
    {
        var parameters = context.Parameters;
        var root = BuildPaths.FindRoot(context.Environment.WorkingDirectory);
        var paths = new BuildPaths(root, root.Combine(parameters.ArtifactsDirectory));
        var version = new VersionCalculator(new GitRepository(root.FullPath)).Calculate(parameters.VersionOverride);
        context.Initialize(paths, version);

        context.Information(
            "Build {0} ({1}) of {2} for environment '{3}', configuration {4}.",
            version.Version,
            version.ShortCommit,
            root.FullPath,
            parameters.Environment,
            parameters.Configuration);
    }

    public override void Teardown(BuildContext context, ITeardownContext info)
    {
    }
}
