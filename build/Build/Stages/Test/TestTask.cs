using System.Globalization;
using Build.Core;
using Build.Core.Gates;
using Build.Core.Incremental;
using Build.Core.Processes;
using Build.Core.Secrets;
using Build.Core.Text;
using Build.Parameters;
using Build.Stages.Compile;
using Cake.Common.Diagnostics;
using Cake.Common.IO;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Test;
using Cake.Core;
using Cake.Core.IO;
using Cake.Frosting;

namespace Build.Stages.Test;

[ExclusiveUse(SharedResources.AppBinaries)]
[TaskName("Test")]
[TaskDescription("Runs every test project with coverage collection (--tests unit: only the tests that need no external component); TRX and JUnit XML in artifacts/test-results, failed tests named.")]
[IsDependentOn(typeof(CompileTask))]
public sealed class TestTask : FrostingTask<BuildContext>, IIncrementalTask
{
    public IReadOnlyList<string> ArtifactOutputs { get; } = ["test-results/**"];

    public TaskInputs Inputs(BuildContext context) =>
        CommonInputs.For(context).Files(context.Paths.Root.FullPath, "src", "tests", "App.sln").Value("tests", context.Parameters.Tests);

    public bool OutputsExist(BuildContext context) => true;

    public void Restore(BuildContext context)
    {
        if (context.Parameters.Tests != BuildParameters.UnitTests)
        {
            GateLedger.Pass(context, ReleaseGate.Test);
        }
    }

    public override void Run(BuildContext context)
    {
        GateLedger.Open(context, ReleaseGate.Test);
        var results = context.Paths.TestResults;
        context.CleanDirectory(results);
        var unitOnly = context.Parameters.Tests == BuildParameters.UnitTests;
        context.Report.AddOutput("tests", unitOnly ? TestSelection.UnitOnly : BuildParameters.AllTests);
        if (unitOnly)
        {
            context.Warning($"Tests: {{0}}; they need a Docker engine, a registry, Chromium, shellcheck, terraform or docker-registry. --{ArgumentNames.Tests} {BuildParameters.AllTests} (the default, what CI runs) runs every test.", TestSelection.UnitOnly);
        }

        var exitCode = 0;
        var progress = new TestProgress(line => context.Information("{0}", line), DurationText.Format);
        using (progress.Start())
        {
            context.DotNetTest(context.Paths.Solution.FullPath, Settings(context, results, progress, code => exitCode = code));
        }

        var trxFiles = TestResultFiles.Organize(results.FullPath);
        if (trxFiles.Count == 0)
        {
            throw new CakeException($"dotnet test produced no results (exit code {exitCode}); see its output above.");
        }

        // A test can print a secret (its output, an assert message): the TRX files are redacted before anything
        // reads them, so JUnit XML and the summary are made of redacted values.
        new ArtifactRedaction(context.Secrets).RedactDirectory(results.FullPath);
        var runs = trxFiles.Select(TrxReader.Read).ToList();
        JUnitWriter.Write(runs, results.CombineWithFilePath("junit.xml").FullPath);
        var summary = new TestRunSummary(runs);
        Publish(context, summary, SlowestTests.Of(runs), unitOnly);

        if (summary.HasFailures)
        {
            throw new CakeException(FailedTestsLine.Of(summary.FailedResults, context.Paths.Root.GetRelativePath(context.Paths.SummaryFile).FullPath));
        }

        if (exitCode != 0)
        {
            throw new CakeException($"dotnet test failed with exit code {exitCode} although no test failed; see its output above.");
        }

        // Part of the suite is no gate: only the whole suite lets an image be pushed.
        if (!unitOnly)
        {
            GateLedger.Pass(context, ReleaseGate.Test);
        }
    }

    private static DotNetTestSettings Settings(BuildContext context, DirectoryPath results, TestProgress progress, Action<int> exitCode) => new()
    {
        Configuration = context.BuildConfiguration,
        NoBuild = true,
        NoRestore = true,
        Filter = TestSelection.Filter(context.Parameters.Tests),
        ResultsDirectory = results,

        // Normal verbosity names each test as it ends: what TestProgress counts (and hides).
        Loggers = ["trx;LogFilePrefix=tests", "console;verbosity=normal"],
        Collectors = ["XPlat Code Coverage"],

        // Test projects one at a time: run in parallel here, coverlet recorded 0 hits for the web app
        // (its WebApplicationFactory host), and the 2-core machines gain little from parallel projects.
        ArgumentCustomization = arguments => arguments.Append("-m:1"),
        SetupProcessSettings = process => process.CaptureOutput(
            new OutputCapture(progress.Receive),
            new OutputCapture(line => context.Error("{0}", line))),
        HandleExitCode = code =>
        {
            exitCode(code);
            return true;
        },
    };

    private static void Publish(BuildContext context, TestRunSummary summary, IReadOnlyList<TestCaseResult> slowest, bool unitOnly)
    {
        foreach (var failure in summary.FailedTests)
        {
            context.Error("Failed: {0}", failure);
        }

        foreach (var line in SlowestTests.Lines(slowest, DurationText.Format))
        {
            context.Information("{0}", line);
        }

        context.Report.AddSection("Tests", summary.ToMarkdown() + SlowestTests.ToMarkdown(slowest, DurationText.Format) + (unitOnly ? $"\n**Tests: {TestSelection.UnitOnly}.**\n" : ""));
        context.Report.AddOutput("passed", summary.Passed.ToString(CultureInfo.InvariantCulture));
        context.Report.AddOutput("failed", (summary.Failed + summary.Errors).ToString(CultureInfo.InvariantCulture));
        context.Report.AddOutput("skipped", summary.Skipped.ToString(CultureInfo.InvariantCulture));

        if (unitOnly)
        {
            context.Warning("Tests: {0}.", TestSelection.UnitOnly);
        }

        // The plain closing line that CI systems and people read.
        context.Information("Tests: {0} passed, {1} failed, {2} skipped", summary.Passed, summary.Failed + summary.Errors, summary.Skipped);
    }
}
