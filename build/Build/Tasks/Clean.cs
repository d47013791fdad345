using Build.Checkout;
using Build.Image;
using Build.Image.Ecr;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Clean;
using Cake.Frosting;

namespace Build.Tasks;

[TaskName(nameof(Clean))]
[TaskDescription("Deletes what the build made: the artifacts folder and the earlier outputs moved to .build/previous/ (terraform state Apply rescued is kept), the outputs of every project in the solution, and any docker credential folder an interrupted push left. Never local terraform state.")]
public sealed class Clean : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        ArtifactsCleanup.Run(context);
        DockerCredentialFolder.RemoveAll(context, ImagePaths.From(context.Paths).Scratch);
        Terraform.TerraformStage.ResetWorkingCopies(context);
        context.DotNetClean(context.Paths.Solution.FullPath, new DotNetCleanSettings
        {
            Configuration = context.BuildConfiguration,
            Verbosity = DotNetVerbosity.Minimal,
        });
    }
}
