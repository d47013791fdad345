using Build.Image;
using Build.Image.Ecr;
using Cake.Common.IO;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Clean;
using Cake.Frosting;

namespace Build.Tasks;

[TaskName(nameof(Clean))]
[TaskDescription("Deletes artifacts/, the outputs of every project in the solution, and any docker credential folder an interrupted push left.")]
public sealed class Clean : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        context.CleanDirectory(context.Paths.Artifacts);
        DockerCredentialFolder.RemoveAll(context, ImagePaths.From(context.Paths).Scratch);
        Terraform.TerraformStage.ResetWorkingCopies(context);
        context.DotNetClean(context.Paths.Solution.FullPath, new DotNetCleanSettings
        {
            Configuration = context.BuildConfiguration,
            Verbosity = DotNetVerbosity.Minimal,
        });
    }
}
