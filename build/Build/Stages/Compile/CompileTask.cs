using Build.Core;
using Build.Stages.Versioning;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Build;
using Cake.Common.Tools.DotNet.MSBuild;
using Cake.Frosting;

namespace Build.Stages.Compile;

[TaskName("Compile")]
[TaskDescription("Builds the solution with the computed version and git commit stamped into the assemblies.")]
[IsDependentOn(typeof(RestoreTask))]
[IsDependentOn(typeof(VersionTask))]
public sealed class CompileTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var version = context.BuildVersion;
        context.DotNetBuild(context.Paths.Solution.FullPath, new DotNetBuildSettings
        {
            Configuration = context.BuildConfiguration,
            NoRestore = true,
            Verbosity = DotNetVerbosity.Minimal,
            MSBuildSettings = new DotNetMSBuildSettings()
                .WithProperty("Version", version.Version)
                .WithProperty("InformationalVersion", version.InformationalVersion)
                .WithProperty("GitCommit", version.Commit)
                .WithProperty("ContinuousIntegrationBuild", context.IsCi ? "true" : "false"),
        });
    }
}
