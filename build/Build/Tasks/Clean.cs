using Cake.Common.IO;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Clean;
using Cake.Frosting;

namespace Build.Tasks;

[TaskName(nameof(Clean))]
[TaskDescription("Deletes artifacts/ and the outputs of every project in the solution.")]
public sealed class Clean : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        context.CleanDirectory(context.Paths.Artifacts);
        context.DotNetClean(context.Paths.Solution.FullPath, new DotNetCleanSettings
        {
            Configuration = context.BuildConfiguration,
            Verbosity = DotNetVerbosity.Minimal,
        });
    }
}
