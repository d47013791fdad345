using Build.Core;
using Build.Core.Processes;
using Build.Core.Text;
using Build.Stages.Versioning;
using Cake.Common.Diagnostics;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Build;
using Cake.Common.Tools.DotNet.MSBuild;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Compile;

[ExclusiveUse(SharedResources.SolutionBuild)]
[TaskName("Compile")]
[TaskDescription("Builds the solution with the computed version and git commit stamped into the assemblies.")]
[IsDependentOn(typeof(RestoreTask))]
[IsDependentOn(typeof(VersionTask))]
public sealed class CompileTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var version = context.BuildVersion;
        var errorLog = context.Paths.Artifacts.Combine("compile").CombineWithFilePath("errors.log");
        Directory.CreateDirectory(errorLog.GetDirectory().FullPath);
        File.Delete(errorLog.FullPath);
        var exitCode = 0;
        var progress = new CompileProgress(line => context.Information("{0}", line), SolutionProjects.Count(context.Paths.Solution.FullPath), DurationText.Format);
        context.DotNetBuild(context.Paths.Solution.FullPath, new DotNetBuildSettings
        {
            Configuration = context.BuildConfiguration,
            NoRestore = true,
            Verbosity = DotNetVerbosity.Minimal,
            MSBuildSettings = new DotNetMSBuildSettings()
                .WithProperty("Version", version.Version)
                .WithProperty("InformationalVersion", version.InformationalVersion)
                .WithProperty("GitCommit", version.Commit)
                .WithProperty("ContinuousIntegrationBuild", context.IsCi ? "true" : "false")
                .AddFileLogger(new MSBuildFileLoggerSettings { LogFile = errorLog.FullPath, SummaryOutputLevel = MSBuildLoggerOutputLevel.ErrorsOnly }),
            SetupProcessSettings = process => process.CaptureOutput(
                new OutputCapture(progress.Receive),
                new OutputCapture(line => context.Error("{0}", line))),
            HandleExitCode = code =>
            {
                exitCode = code;
                return true;
            },
        });

        var logged = File.Exists(errorLog.FullPath) ? File.ReadAllLines(errorLog.FullPath) : [];
        if (exitCode == 0)
        {
            // Nothing to keep from a clean build.
            File.Delete(errorLog.FullPath);
            DeleteIfEmpty(errorLog.GetDirectory().FullPath);
            return;
        }

        var errors = CompilerErrors.Read(logged, context.Paths.Root.FullPath);
        throw new CakeException(CompilerErrors.Line(errors, exitCode, context.Paths.Root.GetRelativePath(errorLog).FullPath));
    }

    private static void DeleteIfEmpty(string folder)
    {
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
