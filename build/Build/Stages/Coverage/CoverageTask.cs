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

    public override void Run(BuildContext context)
    {
        GateLedger.Open(context, ReleaseGate.Coverage);
        var output = context.Paths.CoverageReports;
        context.CleanDirectory(output);
        var reports = context.GetFiles($"{context.Paths.TestResults.FullPath}/**/coverage.cobertura.xml");
        if (reports.Count == 0)
        {
            throw new CakeException("No coverage files from this run's tests in artifacts/test-results: run --target Coverage without --exclusive (it runs Test first); every run moves earlier runs' results aside.");
        }

        context.DotNetTool(context.Paths.Solution.FullPath, "reportgenerator", new ProcessArgumentBuilder()
            .Append($"-reports:{string.Join(';', reports.Select(report => report.FullPath))}")
            .Append($"-targetdir:{output.FullPath}")
            .Append("-reporttypes:Html;Cobertura;MarkdownSummaryGithub")
            .Append("-filefilters:-*/obj/*")
            .Append("-verbosity:Warning"));

        var merged = CoberturaReader.Read(output.CombineWithFilePath("Cobertura.xml").FullPath);
        var threshold = new CoverageThreshold(ShippedPackage, context.Parameters.LineCoverageThreshold, context.Parameters.BranchCoverageThreshold);
        var result = threshold.Evaluate(merged);
        Publish(context, merged, result);
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

    private static void Publish(BuildContext context, CoverageReport merged, CoverageThresholdResult result)
    {
        var table = new StringBuilder()
            .AppendLine("| Assembly | Line | Branch |")
            .AppendLine("|---|---:|---:|");
        foreach (var package in merged.Packages.OrderBy(package => package.Name, StringComparer.Ordinal))
        {
            context.Information("Coverage {0}: line {1}%, branch {2}%", package.Name, package.Counts.LinePercent, package.Counts.BranchPercent);
            table.AppendLine(CultureInfo.InvariantCulture, $"| {package.Name} | {package.Counts.LinePercent}% | {package.Counts.BranchPercent}% |");
        }

        table.AppendLine().AppendLine(result.Message).AppendLine().AppendLine("HTML report: `artifacts/coverage/index.html`.");
        context.Report.AddSection("Coverage", table.ToString());
        if (merged.FindPackage(ShippedPackage) is { } shipped)
        {
            context.Report.AddOutput("line", $"{shipped.Counts.LinePercent}%");
            context.Report.AddOutput("branch", $"{shipped.Counts.BranchPercent}%");
        }
    }
}
