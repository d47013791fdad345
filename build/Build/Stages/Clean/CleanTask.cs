using Build.Core;
using Build.Core.Checkout;
using Build.Stages.Image;
using Build.Stages.Infrastructure;
using Build.Stages.Push;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Clean;
using Cake.Frosting;

namespace Build.Stages.Clean;

[RunsAlone]
[TaskName("Clean")]
[TaskDescription("Deletes what the build made: the artifacts folder and the earlier outputs moved to .build/previous/ (terraform state Apply rescued is kept), the outputs of every project in the solution, and any docker credential folder an interrupted push left. Never local terraform state.")]
public sealed class CleanTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        ArtifactsCleanup.Run(context);
        DockerCredentialFolder.RemoveAll(context, ImagePaths.From(context.Paths).Scratch);
        TerraformStage.ResetWorkingCopies(context);
        context.DotNetClean(context.Paths.Solution.FullPath, new DotNetCleanSettings
        {
            Configuration = context.BuildConfiguration,
            Verbosity = DotNetVerbosity.Minimal,
        });
    }
}
