using System.Globalization;
using System.Text;
using Build.Core;
using Build.Core.Gates;
using Build.Parameters;
using Build.Stages.Test;
using Cake.Common.Diagnostics;
using Cake.Common.IO;
using Cake.Common.Tools.DotNet;
using Cake.Core;
using Cake.Core.IO;
using Cake.Frosting;

namespace Build.Stages.Coverage;

[TaskName("Coverage")]
[TaskDescription("ReportGenerator HTML, merged Cobertura and Markdown in artifacts/coverage; fails below the line/branch thresholds of the shipped app.")]
[IsDependentOn(typeof(TestTask))]
public sealed class CoverageTask : FrostingTask<BuildContext>
{
    /// <summary>The assembly whose coverage is gated: the service the pipeline ships.</summary>
    public const string ShippedPackage = "App";

    /// <summary>The folder under artifacts/coverage that holds the report of the build's own code (not gated).</summary>
    public const string BuildSuiteFolder = "build-suite";

    public override void Run(BuildContext context)
    {
        GateLedger.Open(context, ReleaseGate.Coverage);
        var output = context.Paths.CoverageReports;
        context.CleanDirectory(output);
        var reports = context.GetFiles($"{context.Paths.TestResults.FullPath}/*{TestResultFiles.CoverageSuffix}");
        if (reports.Count == 0)
        {
            throw new CakeException("No coverage files from this run's tests in artifacts/test-results: run --target Coverage without --exclusive (it runs Test first); every run moves earlier runs' results aside.");
        }

        // The report people open judges what the gate judges: the shipped app only. The build's own code has its own.
        Generate(context, reports, output, $"+{ShippedPackage}", $"{ShippedPackage} (the gated app)", "Html;Cobertura;MarkdownSummaryGithub");
        var buildSuite = output.Combine(BuildSuiteFolder);
        Generate(context, reports, buildSuite, $"-{ShippedPackage}", "The build's own code (not gated)", "Html;Cobertura");

        var merged = CoberturaReader.Read(output.CombineWithFilePath("Cobertura.xml").FullPath);
        var own = CoberturaReader.Read(buildSuite.CombineWithFilePath("Cobertura.xml").FullPath);
        var threshold = new CoverageThreshold(ShippedPackage, context.Parameters.LineCoverageThreshold, context.Parameters.BranchCoverageThreshold);
        var result = threshold.Evaluate(merged);
        Publish(context, merged, own, result);
        if (!result.Passed)
        {
            throw new CakeException(result.Message);
        }

        context.Information(result.Message);
        if (context.Parameters.Tests == BuildParameters.AllTests)
        {
            GateLedger.Pass(context, ReleaseGate.Coverage);
        }
    }

    private static void Generate(BuildContext context, FilePathCollection reports, DirectoryPath target, string assemblies, string title, string types) =>
        context.DotNetTool(context.Paths.Solution.FullPath, "reportgenerator", new ProcessArgumentBuilder()
            .Append($"-reports:{string.Join(';', reports.Select(report => report.FullPath))}")
            .Append($"-targetdir:{target.FullPath}")
            .Append($"-reporttypes:{types}")
            .Append($"-assemblyfilters:{assemblies}")
            .AppendQuoted($"-title:{title}")
            .Append("-filefilters:-*/obj/*")
            .Append("-verbosity:Warning"));

    private static void Publish(BuildContext context, CoverageReport gated, CoverageReport own, CoverageThresholdResult result)
    {
        var table = new StringBuilder()
            .AppendLine("| Assembly | Line | Branch |")
            .AppendLine("|---|---:|---:|");
        foreach (var package in gated.Packages.OrderBy(package => package.Name, StringComparer.Ordinal))
        {
            context.Information("Coverage {0}: line {1}%, branch {2}%", package.Name, package.Counts.LinePercent, package.Counts.BranchPercent);
            table.AppendLine(CultureInfo.InvariantCulture, $"| {package.Name} | {package.Counts.LinePercent}% | {package.Counts.BranchPercent}% |");
        }

        table.AppendLine().AppendLine(result.Message).AppendLine().AppendLine("HTML report of the gated app: `artifacts/coverage/index.html`.");
        var ownFigures = string.Join(", ", own.Packages.OrderBy(package => package.Name, StringComparer.Ordinal)
            .Select(package => string.Create(CultureInfo.InvariantCulture, $"{package.Name} line {package.Counts.LinePercent}%, branch {package.Counts.BranchPercent}%")));
        if (ownFigures.Length > 0)
        {
            context.Information("Coverage of the build's own code (not gated): {0}", ownFigures);
            table.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"The build's own code (not gated): {ownFigures}; HTML report: `artifacts/coverage/{BuildSuiteFolder}/index.html`.");
        }

        context.Report.AddSection("Coverage", table.ToString());
        if (gated.FindPackage(ShippedPackage) is { } shipped)
        {
            context.Report.AddOutput("line", $"{shipped.Counts.LinePercent}%");
            context.Report.AddOutput("branch", $"{shipped.Counts.BranchPercent}%");
        }
    }
}
