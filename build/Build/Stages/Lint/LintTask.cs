using Build.Core;
using Build.Core.Ci;
using Build.Core.Gates;
using Build.Stages.CiFiles;
using Build.Stages.Compile;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Lint;

[TaskName("Lint")]
[TaskDescription("dotnet format (style, whitespace, analyzers), shellcheck, and the CI files against the pipeline model (./build.sh --target CiFiles renders them), every finding as file:line; with TerraformValidate (terraform fmt + validate).")]
[IsDependentOn(typeof(RestoreTask))]
public sealed class LintTask : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        GateLedger.Open(context, ReleaseGate.Lint);
        var paths = context.Paths;
        var findings = new List<LintFinding>();
        findings.AddRange(DotNetFormatLinter.Run(context, paths.Root, paths.Solution, paths.LintReports));
        findings.AddRange(ShellCheckLinter.Run(context, paths.Root));
        findings.AddRange(CiFileSet.Stale(paths.Root.FullPath, ShippedPipeline.Pipeline).Select(stale => new LintFinding("ci files", stale.Path, stale.Line, 1, "CIFILES", stale.Problem)));

        foreach (var finding in findings)
        {
            context.Error(finding.ToString());
            context.Ci.Annotate(new Annotation(AnnotationLevel.Error, $"{finding.Rule} {finding.Message}", finding.File, finding.Line, finding.Column));
        }

        context.Report.AddOutput("findings", findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (findings.Count > 0)
        {
            var byLinter = string.Join(", ", findings.GroupBy(finding => finding.Linter).Select(group => $"{group.Key}: {group.Count()}"));
            throw new CakeException($"Lint found {findings.Count} problem(s) ({byLinter}); each is listed above as file:line.");
        }

        GateLedger.Pass(context, ReleaseGate.Lint);
    }
}
