using Build.Core.Checkout;
using Build.Core.Ci;
using Build.Core.Reporting;
using Build.Core.Secrets;
using Build.Core.Versioning;
using Build.Tools.Git;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting;

namespace Build.Core;

/// <summary>
/// Setup masks secrets, checks --artifacts, takes the checkout's run lock, fills the context (root, version, CI adapter),
/// and moves an earlier run's outputs aside before the first task (the stages' preconditions ran before, see
/// <see cref="StagePreconditions"/>);
/// Teardown writes build-report.json and summary.md, whether the build passed or failed. A dry run (Cake runs Setup
/// and Teardown for it too) takes no lock, moves nothing and writes no report.
/// </summary>
public sealed class BuildLifetime(RunLock runLock, FrostingRunMode mode, TaskTimeline timeline) : FrostingLifetime<BuildContext>
{
    public override void Setup(BuildContext context, ISetupContext info)
    {
        var ci = CiProviders.Detect(context, context.Secrets);
        foreach (var secret in context.Secrets.Values)
        {
            ci.Mask(secret);
        }

        context.Secrets.Registered += ci.Mask;

        var parameters = context.Parameters;
        var paths = context.Paths;
        var root = paths.Root;
        context.Initialize(info.TargetTask.Name, ci);
        if (!mode.IsDryRun)
        {
            runLock.Take(paths.Cache, info.TargetTask.Name, parameters.LockWait, notice => context.Warning(notice));
        }

        var version = new VersionCalculator(new GitRepository(root.FullPath)).Calculate(parameters.VersionOverride);
        context.RecordVersion(version);

        context.Information(
            "Build {0} ({1}) of {2} for environment '{3}', configuration {4}, on {5}.",
            version.Version,
            version.ShortCommit,
            root.FullPath,
            context.BuildEnvironment.Name,
            parameters.Configuration,
            ci.Name);
        if (!mode.IsDryRun)
        {
            ArtifactsRotation.Run(context);
        }

        LogDiagnostics(context);
    }

    public override void Teardown(BuildContext context, ITeardownContext info)
    {
        // A dry run ran nothing and holds no run lock: its report would replace a real one, maybe another run's.
        if (!context.IsSetUp || mode.IsDryRun)
        {
            return;
        }

        var interrupted = Interruption.Current.IsRequested;
        var run = new BuildRunInfo(
            context.Target,
            context.BuildEnvironment.Name,
            context.Parameters.Configuration,
            context.BuildVersion,
            context.Ci.Name,
            info.Successful && !interrupted,
            info.ThrownException is { } thrown
                ? (interrupted ? Interruption.Current.Describe(thrown) : thrown.Message)
                : (interrupted ? Interruption.Current.DescribeFinished() : null),
            Flatten(context.Arguments),
            interrupted,
            CiRun.Detect(context.Ci.Name, context.Environment.GetEnvironmentVariable),
            RunSchedule.Of(timeline));
        var summary = ReportWriter.Write(context.Report, run, context.Paths.Artifacts.FullPath, context.Secrets);
        context.Ci.PublishSummary(summary);
        context.Information("Report: {0}", context.Paths.SummaryFile.FullPath);
    }

    private static Dictionary<string, string> Flatten(ICakeArguments arguments) =>
        arguments.GetArguments().ToDictionary(pair => pair.Key, pair => string.Join(",", pair.Value), StringComparer.OrdinalIgnoreCase);

    // At diagnostic verbosity the environment is logged to debug CI problems; secret-looking names show no value at all.
    private static void LogDiagnostics(BuildContext context)
    {
        if (context.Log.Verbosity < Verbosity.Diagnostic)
        {
            return;
        }

        foreach (var line in EnvironmentDump.Lines(context.Environment.GetEnvironmentVariables()))
        {
            context.Log.Write(Verbosity.Diagnostic, LogLevel.Debug, "{0}", line);
        }
    }
}
