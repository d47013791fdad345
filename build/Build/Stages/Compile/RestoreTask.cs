using Build.Core;
using Build.Stages.Prerequisites;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Restore;
using Cake.Frosting;

namespace Build.Stages.Compile;

[ExclusiveUse(SharedResources.SolutionBuild)]
[TaskName("Restore")]
[TaskDescription("Restores the NuGet packages of every project in the solution.")]
[IsDependentOn(typeof(PrerequisitesTask))]
public sealed class RestoreTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) =>
        context.DotNetRestore(context.Paths.Solution.FullPath, new DotNetRestoreSettings
        {
            Verbosity = DotNetVerbosity.Minimal,
        });
}
