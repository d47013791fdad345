using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Restore;
using Cake.Frosting;

namespace Build.Tasks;

[TaskName(nameof(Restore))]
[TaskDescription("Restores the NuGet packages of every project in the solution.")]
public sealed class Restore : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) =>
        context.DotNetRestore(context.Paths.Solution.FullPath, new DotNetRestoreSettings
        {
            Verbosity = DotNetVerbosity.Minimal,
        });
}
