using Build.Core;
using Build.Core.Environments;
using Build.Core.Gates;
using Build.Stages.Accessibility;
using Build.Stages.Coverage;
using Build.Stages.Image;
using Build.Stages.Lint;
using Build.Tools.Machine;
using Cake.Common.Diagnostics;
using Cake.Frosting;

namespace Build.Stages.Push;

[RunsAlone]
[TaskName("Push")]
[TaskDescription("Pushes the scanned image (local: the registry on 127.0.0.1, --registry; dev/staging/prod: the environment's ECR repository, then gates ECR's scan); a tag holding another image is never overwritten; repository@sha256 in artifacts/image/pushed-<env>.json.")]
[IsDependentOn(typeof(LintTask))]
[IsDependentOn(typeof(CoverageTask))]
[IsDependentOn(typeof(AccessibilityTask))]
[IsDependentOn(typeof(ImageScanTask))]
public sealed class PushTask(PushPrecondition precondition) : AsyncFrostingTask<BuildContext>
{
    /// <summary>ECR's scan APIs are rate-limited; this is how often the scan is polled.</summary>
    public static readonly TimeSpan ScanPollInterval = TimeSpan.FromSeconds(5);

    public override async Task RunAsync(BuildContext context)
    {
        var image = ImageRecordFile.Resolve(context);
        GateEvidence.Require(context, $"Push to {context.BuildEnvironment.Name}", image.Id);
        var record = PushedImageFile.For(context.Paths, context.BuildEnvironment.Name);

        // The record is what Deploy and Promote trust: an older one must not survive a push that fails below.
        if (File.Exists(record.FullPath))
        {
            File.Delete(record.FullPath);
        }
        DockerEngineCheck.Require(context);
        var pushed = context.BuildEnvironment is CloudEnvironment cloud
            ? await PushToEcrAsync(context, cloud, image)
            : await PushLocallyAsync(context, image);

        context.Results.Set(pushed);
        PushedImageFile.Write(context, PushedImageFile.Of(context, pushed, image));
        var present = pushed.AlreadyPresentTags.Count == 0 ? "" : $" ({string.Join(", ", pushed.AlreadyPresentTags)} already there with this image)";
        context.Information("Pushed {0}: tags {1}{2}; {3} MB compressed in the registry.", pushed.Reference, string.Join(", ", pushed.Tags), present, pushed.CompressedSizeMegabytes);
        context.Report.AddOutput("reference", pushed.Reference);
        context.Report.AddOutput("tags", string.Join(" ", pushed.Tags));
        context.Report.AddOutput("compressed", $"{pushed.CompressedSizeMegabytes:0.0} MB");
    }

    // This machine's own registry is the developer's loop, where a rebuild of one commit must go through; a registry
    // shared with others keeps the never-overwrite rule even in the local environment.
    private static Task<PushedImage> PushLocallyAsync(BuildContext context, ImageBuildResult image)
    {
        var registry = context.Parameters.Image.Registry;
        var onConflict = RegistryAddress.IsLoopback(registry) ? TagConflict.Replace : TagConflict.Refuse;
        return LocalRegistryPublisher.PushAsync(context, image, registry, pushSettings: null, onConflict, Interruption.Current.Token);
    }

    private async Task<PushedImage> PushToEcrAsync(BuildContext context, CloudEnvironment environment, ImageBuildResult image)
    {
        // The precondition saw a clean tree; with --exclusive the image may come from an earlier run's dirty one.
        if (image.FromDirtyTree)
        {
            throw new Cake.Core.CakeException($"Image {image.ShortId} was built from a tree with uncommitted changes: an image pushed to '{environment.Name}' must be one a commit describes; commit, then build and push again.");
        }

        var session = precondition.Session;
        var options = new EcrPushOptions(ImagePaths.From(context.Paths).Scratch);
        var pushed = await EcrPublisher.PushAsync(context, session.Client, session.Repository, image, options, Interruption.Current.Token);
        context.Information("Pushed {0}; waiting up to {1:0} s for ECR's scan.", pushed.Reference, context.Parameters.Vulnerabilities.ScanTimeout.TotalSeconds);
        var output = ImagePaths.From(context.Paths).Output;
        var scan = await EcrScanGate.CheckAsync(session.Client, session.Repository, pushed, ImageVulnerabilityPolicy.For(context), output, ScanPollInterval, TimeProvider.System, Interruption.Current.Token);
        VulnerabilityWarnings.Publish(context, scan);
        context.Information("ECR scan: {0}", scan.Summary);
        context.Report.AddSection("ECR scan", scan.MarkdownSection);
        context.Report.AddOutput("ecr scan", scan.Summary);
        if (!scan.Passed)
        {
            throw new Cake.Core.CakeException($"{scan.FailureMessage} {pushed.Reference} is in ECR but is not recorded for deploy.");
        }

        return pushed;
    }
}
