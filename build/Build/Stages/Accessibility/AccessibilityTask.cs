using System.Diagnostics;
using System.Globalization;
using Build.Core;
using Build.Core.Ci;
using Build.Core.Gates;
using Build.Core.Incremental;
using Build.Core.Secrets;
using Build.Parameters;
using Build.Stages.Compile;
using Cake.Common.Diagnostics;
using Cake.Common.IO;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Accessibility;

[ExclusiveUse(SharedResources.AppBinaries)]
[TaskName("Accessibility")]
[TaskDescription("Starts the built service (or uses --a11y-url), crawls it and runs axe (WCAG 2.1 A/AA) in headless Chromium; fails at --a11y-impact and above unless baselined; HTML, JSON and SARIF in artifacts/accessibility.")]
[IsDependentOn(typeof(CompileTask))]
public sealed class AccessibilityTask : AsyncFrostingTask<BuildContext>, IIncrementalTask
{
    public IReadOnlyList<string> ArtifactOutputs { get; } = ["accessibility/**"];

    public TaskInputs Inputs(BuildContext context)
    {
        var settings = context.Parameters.Accessibility;
        return CommonInputs.For(context)
            .Files(context.Paths.Root.FullPath, "src", "build/accessibility")
            .Value("settings", System.Text.Json.JsonSerializer.Serialize(settings));
    }

    public bool OutputsExist(BuildContext context) => true;

    public void Restore(BuildContext context) => GateLedger.Pass(context, ReleaseGate.Accessibility);

    public const string ConfigFolder = "build/accessibility";
    public const string PathsFile = ConfigFolder + "/paths.txt";
    public const string BaselineFileName = ConfigFolder + "/baseline.json";

    public static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(30);

    public override async Task RunAsync(BuildContext context)
    {
        GateLedger.Open(context, ReleaseGate.Accessibility);

        // An earlier scan's reports must not look current when this one fails before it writes its own.
        context.CleanDirectory(context.Paths.AccessibilityReports);
        var watch = Stopwatch.StartNew();
        var startedAt = DateTimeOffset.UtcNow;
        var settings = context.Parameters.Accessibility;
        var root = context.Paths.Root;

        // Everything that can be wrong with the configuration fails before the service or the browser starts.
        var paths = PathList.Load(root.CombineWithFilePath(PathsFile).FullPath, PathsFile).Concat(settings.Paths).Distinct(StringComparer.Ordinal).ToList();
        var baseline = BaselineFile.Load(root.CombineWithFilePath(BaselineFileName).FullPath, BaselineFileName);
        var browser = BrowserLocator.Resolve(settings.BrowserPath, context.Environment.GetEnvironmentVariable, File.Exists);
        var service = settings.Url is null ? BuiltService.Locate(root.FullPath, context.BuildConfiguration) : null;

        context.Information("Accessibility: {0} with {1}, at most {2} pages, gate at {3} and above.",
            settings.Url?.AbsoluteUri ?? service!.Dll, browser, settings.MaxPages, settings.Threshold.Name());
        var outcome = await ScanAsync(context, new ScanRequest(settings.Url, service?.Dll, service?.WebRoot, browser, settings.MaxPages, paths, HealthTimeout, PageTimeout));

        var gate = new ViolationGate(settings.Threshold, baseline, DateOnly.FromDateTime(DateTime.UtcNow)).Evaluate(outcome.Violations, outcome.ScannedPages);
        var figures = new ScanFigures(outcome.ServiceStartSeconds, outcome.BrowserStartSeconds, outcome.ScanSeconds, watch.Elapsed.TotalSeconds);
        var report = new AccessibilityReport(outcome.Site, startedAt, browser, outcome.BrowserVersion, outcome.AxeVersion, settings.MaxPages, outcome.Crawl, gate, figures) { TemporarySite = settings.Url is null };

        Print(context, report);
        var reports = Write(context, report);
        Publish(context, report, reports);
        if (!gate.Passed)
        {
            throw new CakeException($"{gate.Message} Details: {reports}/accessibility.html");
        }

        context.Information("{0}", gate.Message);

        // A scan of another service (--a11y-url) says nothing about the image this run builds.
        if (settings.Url is null)
        {
            GateLedger.Pass(context, ReleaseGate.Accessibility);
        }
    }

    private static async Task<ScanOutcome> ScanAsync(BuildContext context, ScanRequest request)
    {
        try
        {
            return await SiteScan.RunAsync(request);
        }
        catch (ServiceStartException failure)
        {
            foreach (var line in failure.LastOutput)
            {
                context.Error("  {0}: {1}", BuiltService.Project, line);
            }

            var shown = failure.LastOutput.Count > 0 ? $"its last {failure.LastOutput.Count} line(s) of output are above" : "it printed nothing";
            throw new CakeException($"{failure.Message} The service was stopped; {shown}.");
        }
    }

    // Every line goes through "{0}": Cake's log takes a format string, and selectors and help texts can hold braces.
    private static void Print(BuildContext context, AccessibilityReport report)
    {
        foreach (var (level, text) in ConsoleReport.Lines(report, BaselineFileName))
        {
            switch (level)
            {
                case AnnotationLevel.Error:
                    context.Error("{0}", text);
                    context.Ci.Annotate(new Annotation(AnnotationLevel.Error, text));
                    break;
                case AnnotationLevel.Warning:
                    context.Warning("{0}", text);
                    context.Ci.Annotate(new Annotation(AnnotationLevel.Warning, text));
                    break;
                default:
                    context.Information("{0}", text);
                    break;
            }
        }

        context.Information("{0}", string.Create(CultureInfo.InvariantCulture,
            $"Accessibility: {report.ScannedPages.Count} page(s) in {report.Figures.ScanSeconds:0.00} s ({report.Figures.PagesPerSecond(report.ScannedPages.Count):0.00} pages/s); browser start {report.Figures.BrowserStartSeconds:0.00} s of {report.Figures.TotalSeconds:0.00} s."));
    }

    private static string Write(BuildContext context, AccessibilityReport report)
    {
        var folder = context.Paths.AccessibilityReports;
        context.WriteArtifact(folder.CombineWithFilePath("accessibility.json"), JsonReportWriter.Write(report));
        context.WriteArtifact(folder.CombineWithFilePath("accessibility.sarif"), SarifReportWriter.Write(report));
        context.WriteArtifact(folder.CombineWithFilePath("accessibility.html"), HtmlReportWriter.Write(report));
        return context.Paths.Root.GetRelativePath(folder).FullPath;
    }

    private static void Publish(BuildContext context, AccessibilityReport report, string reports)
    {
        context.Report.AddSection("Accessibility", MarkdownSummary.Write(report, reports));
        context.Report.AddOutput("pages", report.ScannedPages.Count.ToString(CultureInfo.InvariantCulture));
        context.Report.AddOutput("violations", report.Gate.Violations.Count.ToString(CultureInfo.InvariantCulture));
        context.Report.AddOutput("failing", report.Gate.Failures.Count.ToString(CultureInfo.InvariantCulture));
    }
}
