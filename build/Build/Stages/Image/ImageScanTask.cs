using System.Globalization;
using Build.Core;
using Build.Core.Ci;
using Build.Core.Gates;
using Build.Core.Secrets;
using Build.Tools.Docker;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Image;

[TaskName("ImageScan")]
[TaskDescription("Checks the built image offline (non-root, no secrets in env/labels/build args, OCI labels, no latest, size budget, healthcheck) and gates vulnerabilities; SARIF and summary in artifacts/image.")]
[IsDependentOn(typeof(ImageTask))]
public sealed class ImageScanTask(IImageVulnerabilityGate vulnerabilityGate) : FrostingTask<BuildContext>
{
    /// <summary>Initializes a new instance of the <see cref="ImageScanTask"/> class with the trivy gate of Stages/Image/Vulnerabilities (the seam).</summary>
    public ImageScanTask()
        : this(new TrivyImageVulnerabilityGate())
    {
    }

    public override void Run(BuildContext context)
    {
        GateLedger.Open(context, ReleaseGate.ImageScan);
        var paths = ImagePaths.From(context.Paths);
        foreach (var output in paths.ScanOutputs.Where(output => File.Exists(output.FullPath)))
        {
            File.Delete(output.FullPath);
        }

        DockerEngineCheck.Require(context);
        var image = ImageRecordFile.Resolve(context);
        var reference = image.References[0];
        var details = context.DockerImageInspect(image.Id)
            ?? throw new CakeException($"The image {reference} ({image.ShortId}) is no longer on this machine; run the Image target again.");
        var size = MeasureSize(context, paths, details);
        var policy = ImagePolicy.Evaluate(details, context.DockerImageHistory(image.Id), size, context.Parameters.Image.SizeBudgetMegabytes);
        var dockerfile = context.Paths.Root.GetRelativePath(paths.Dockerfile).FullPath;
        context.WriteArtifact(paths.ScanSarif, ImagePolicySarif.Write(policy, dockerfile, reference));
        var policySection = ImagePolicyMarkdown.Section(policy, reference);
        context.WriteArtifact(paths.ScanSummary, policySection);
        foreach (var violation in policy.Violations)
        {
            context.Error(violation.ToString());
            context.Ci.Annotate(new Annotation(AnnotationLevel.Error, $"{violation.Rule.Id} {violation.Message}", dockerfile));
        }

        var vulnerabilities = vulnerabilityGate.Check(context, image);
        VulnerabilityWarnings.Publish(context, vulnerabilities);
        var unscanned = UnscannedImage.Judge(vulnerabilities, context.Parameters.Vulnerabilities.ScanRequired);
        if (unscanned.Warning is { } warning)
        {
            context.Warning(warning);
            context.Ci.Annotate(new Annotation(AnnotationLevel.Warning, warning, dockerfile));
        }

        if (unscanned.Failure is { } unscannedFailure)
        {
            context.Ci.Annotate(new Annotation(AnnotationLevel.Error, unscannedFailure, dockerfile));
        }

        context.Information("Image policy: {0}; size {1}. Vulnerabilities: {2}", policy.Passed ? "passed" : $"{policy.Violations.Count} violation(s)", size.Describe(policy.BudgetMegabytes), vulnerabilities.Summary);
        context.Report.AddSection("Image scan", policySection + Environment.NewLine + vulnerabilities.MarkdownSection);
        context.Report.AddOutput("violations", policy.Violations.Count.ToString(CultureInfo.InvariantCulture));
        context.Report.AddOutput("size", size.Describe(policy.BudgetMegabytes));
        context.Report.AddOutput("vulnerabilities", vulnerabilities.Summary);

        var failures = new[] { policy.FailureMessage, vulnerabilities.FailureMessage, unscanned.Failure ?? "" }.Where(message => message.Length > 0).ToList();
        if (failures.Count > 0)
        {
            throw new CakeException(string.Join(" ", failures));
        }

        GateLedger.Pass(context, ReleaseGate.ImageScan, image.Id);
    }

    private static ImageSize MeasureSize(BuildContext context, ImagePaths paths, DockerImageDetails details)
    {
        var saved = paths.Scratch.CombineWithFilePath("image-save.tar");
        Directory.CreateDirectory(paths.Scratch.FullPath);
        try
        {
            context.DockerSave(details.Id, saved);
            return new ImageSize(details.Size, CompressedSize.OfSavedImage(saved.FullPath));
        }
        finally
        {
            File.Delete(saved.FullPath);
        }
    }
}
