using Build.Ci;
using Build.Reporting;
using Build.Secrets;
using Build.Versioning;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Core.Diagnostics;
using Cake.Frosting;

namespace Build;

/// <summary>
/// Setup fills the context (root, version, CI adapter), masks secrets and runs the stages' preflight before the first task;
/// Teardown writes build-report.json and summary.md, whether the build passed or failed.
/// </summary>
public sealed class BuildLifetime : FrostingLifetime<BuildContext>
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
        var root = BuildPaths.FindRoot(context.Environment.WorkingDirectory);
        var artifacts = new Cake.Core.IO.DirectoryPath(parameters.ArtifactsDirectory);
        var paths = new BuildPaths(root, artifacts.IsRelative ? root.Combine(artifacts) : artifacts);
        StagePreflight.RefuseUnsupported(context, info.TasksToExecute);
        var version = new VersionCalculator(new GitRepository(root.FullPath)).Calculate(parameters.VersionOverride);
        context.Initialize(info.TargetTask.Name, paths, version, ci);

        context.Information(
            "Build {0} ({1}) of {2} for environment '{3}', configuration {4}, on {5}.",
            version.Version,
            version.ShortCommit,
            root.FullPath,
            parameters.Environment,
            parameters.Configuration,
            ci.Name);
        LogDiagnostics(context);
        StagePreflight.Prepare(context, info.TasksToExecute);
    }

    public override void Teardown(BuildContext context, ITeardownContext info)
    {
        if (!context.IsSetUp)
        {
            return;
        }

        var interrupted = !info.Successful && Interruption.Current.IsRequested;
        var run = new BuildRunInfo(
            context.Target,
            context.Parameters.Environment,
            context.Parameters.Configuration,
            context.BuildVersion,
            context.Ci.Name,
            info.Successful,
            info.ThrownException is { } thrown && interrupted ? Interruption.Current.Describe(thrown) : info.ThrownException?.Message,
            Flatten(context.Arguments),
            interrupted);
        var summary = ReportWriter.Write(context.Report, run, context.Paths.Artifacts.FullPath, context.Secrets);
        context.Ci.PublishSummary(summary);
        context.Information("Report: {0}", context.Paths.Artifacts.CombineWithFilePath("summary.md").FullPath);
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
