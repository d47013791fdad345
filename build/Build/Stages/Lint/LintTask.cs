using Build.Core;
using Build.Core.Ci;
using Build.Core.Gates;
using Build.Core.Incremental;
using Build.Core.Secrets;
using Build.Stages.CiFiles;
using Build.Stages.Compile;
using Build.Stages.Lint.Secrets;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Lint;

[ExclusiveUse(SharedResources.SolutionBuild)]
[TaskName("Lint")]
[TaskDescription("dotnet format (style, whitespace, analyzers), shellcheck, a secret scan (tracked files and the commits since the last v* tag), and the CI files against the pipeline model (./build.sh --target CiFiles renders them), every finding as file:line; with TerraformValidate (terraform fmt + validate).")]
[IsDependentOn(typeof(RestoreTask))]
public sealed class LintTask : FrostingTask<BuildContext>, IIncrementalTask
{
    public IReadOnlyList<string> ArtifactOutputs { get; } = ["lint/**"];

    // Every source file (the linters and the secret scan read them all) and HEAD (the scan reads history).
    public TaskInputs Inputs(BuildContext context) =>
        CommonInputs.For(context).Files(context.Paths.Root.FullPath, ".").Value("head", context.BuildVersion.Commit);

    public bool OutputsExist(BuildContext context) => true;

    public void Restore(BuildContext context) => GateLedger.Pass(context, ReleaseGate.Lint);

    public override void Run(BuildContext context)
    {
        GateLedger.Open(context, ReleaseGate.Lint);
        var paths = context.Paths;
        var findings = new List<LintFinding>();
        findings.AddRange(DotNetFormatLinter.Run(context, paths.Root, paths.Solution, paths.LintReports));
        findings.AddRange(ShellCheckLinter.Run(context, paths.Root));
        findings.AddRange(ScanSecrets(context));
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

    private static IReadOnlyList<LintFinding> ScanSecrets(BuildContext context)
    {
        var paths = context.Paths;
        if (!SecretSources.IsGitRepository(SecretSources.Git(context, paths.Root)))
        {
            context.Warning("Secret scan: NOT RUN, the checkout is not a git repository (it scans the files git tracks and the commits since the last v* tag).");
            return [];
        }

        var ignoreFile = paths.Root.GetRelativePath(paths.SecretIgnoreFile).FullPath;
        var result = SecretScanLinter.Scan(context, paths.Root, paths.SecretIgnoreFile, DateOnly.FromDateTime(DateTime.UtcNow));
        context.WriteArtifact(paths.SecretScanSarif, SecretSarif.Write(result));
        foreach (var entry in result.ExpiringSoon)
        {
            context.Warning($"{ignoreFile}:{entry.Line}: the secret scan's entry for {entry} expires on {entry.Expires:yyyy-MM-dd}: review it.");
        }

        foreach (var entry in result.Unused)
        {
            context.Warning($"{ignoreFile}:{entry.Line}: the secret scan's entry for {entry} matches nothing: remove it.");
        }

        context.Information($"Secret scan: {result.Scope}; {result.Findings.Count} finding(s), {result.Ignored.Count} ignored by {ignoreFile}.");
        return SecretScanLinter.Findings(result, ignoreFile);
    }
}
