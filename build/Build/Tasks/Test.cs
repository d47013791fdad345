using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Test;
using Cake.Frosting;

namespace Build.Tasks;

[TaskName(nameof(Test))]
[TaskDescription("Runs every test project; results go to artifacts/test-results.")]
[IsDependentOn(typeof(Compile))]
public sealed class Test : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context) =>
        context.DotNetTest(context.Paths.Solution.FullPath, new DotNetTestSettings
        {
            Configuration = context.BuildConfiguration,
            NoBuild = true,
            NoRestore = true,
            ResultsDirectory = context.Paths.TestResults,
            Loggers = ["trx", "console;verbosity=normal"],
        });
}
