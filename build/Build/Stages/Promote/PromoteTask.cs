using Build.Core;
using Build.Core.Environments;
using Build.Core.Notifications;
using Build.Stages.Image;
using Build.Stages.Infrastructure;
using Build.Stages.Push;
using Build.Stages.Versioning;
using Build.Tools.Registry;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Promote;

[RunsAlone]
[TaskName("Promote")]
[Notifies]
[TaskDescription("Copies this commit's image from the previous environment's ECR repository (dev → staging → prod; --from) into --environment's by digest through the registry API (no docker, no rebuild; layers the target holds are not sent), tags it <version> and <sha12>, gates ECR's scan there and records it for Deploy in artifacts/image/pushed-<env>.json; prod needs --approve.")]
[IsDependentOn(typeof(VersionTask))]
public sealed class PromoteTask(PromotePrecondition precondition) : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellation = Interruption.Current.Token;
        var source = precondition.Source;
        var target = precondition.Target;
        var environment = (CloudEnvironment)context.BuildEnvironment;
        var recordFile = PushedImageFile.For(context.Paths, environment.Name);

        // The record is what Deploy trusts: an older one must not survive a promotion that fails below.
        if (File.Exists(recordFile.FullPath))
        {
            File.Delete(recordFile.FullPath);
        }

        using var sourceRegistry = await RegistrySessions.OpenAsync(source, cancellation);
        using var targetRegistry = await RegistrySessions.OpenAsync(target, cancellation);
        var image = await PromotionSourceImage.FindAsync(context, source, sourceRegistry, cancellation);
        var tags = ImageTags.For(context.BuildVersion);
        var check = await ExistingTags.CheckAsync(
            image.Digest, tags, context.BuildVersion.ShortCommit, target.Repository.Uri, (tag, token) => EcrPublisher.LookUpAsync(target.Client, target.Repository, tag, token), cancellation);
        if (check.KeptWarning(target.Repository.Uri) is { } kept)
        {
            context.Warning("{0}", kept);
        }

        ProductionApproval.Require(context, $"Promote {image.Version ?? image.Digest} ({image.Digest}) from {source.Environment.Name} to prod", "Promoting to prod");
        context.Information("Promoting {0} ({1}) from {2} to {3}: tags {4}{5}.", image.Reference, image.Version ?? "no version label", source.Environment.Name, environment.Name, string.Join(", ", check.Tags), check.Present.Count == 0 ? "" : $" ({string.Join(", ", check.Present)} already there)");
        var copier = new ImageCopier(sourceRegistry, source.Repository.Name, targetRegistry, target.Repository.Name, line => context.Information("  {0}", line));
        var copy = await copier.CopyAsync(image.Manifest, check.Missing, cancellation);
        var stored = await EcrPublisher.VerifyAsync(target.Client, target.Repository, check.Tags, image.Digest, cancellation);
        var promoted = new PushedImage(EcrPublisher.RegistryOf(target.Repository), target.Repository.Name, image.Digest, check.Tags, stored.SizeInBytes ?? copy.CompressedSize, check.Present);
        context.Information("Copied {0}: digest identical in {1}; {2}. Waiting up to {3:0} s for ECR's scan.", promoted.Reference, environment.Name, copy.Summary, context.Parameters.Vulnerabilities.ScanTimeout.TotalSeconds);

        var output = context.Paths.PromoteReports(environment.Name);
        var scan = await EcrScanGate.CheckAsync(target.Client, target.Repository, promoted, ImageVulnerabilityPolicy.For(context), output, PushTask.ScanPollInterval, TimeProvider.System, cancellation);
        VulnerabilityWarnings.Publish(context, scan);
        context.Information("ECR scan in {0}: {1}", environment.Name, scan.Summary);
        context.Report.AddSection($"ECR scan in {environment.Name}", scan.MarkdownSection);
        if (!scan.Passed)
        {
            throw new CakeException($"{scan.FailureMessage} {promoted.Reference} is in {environment.Name}'s repository but is not recorded for deploy.");
        }

        var record = PushedImageFile.Of(environment.Name, promoted, image.ImageId, context.BuildVersion.Commit, image.Version) with
        {
            PromotedFrom = new PromotionSource(source.Environment.Name, image.Reference, scan.Summary),
        };
        PushedImageFile.Write(context, record);
        context.Results.Set(promoted);
        context.Information("Promoted {0} to {1}: deploy it with ./build.sh --target Deploy --environment {1} --exclusive{2}.", image.Version ?? image.Digest, environment.Name, environment.IsProduction ? " --approve" : "");
        context.Report.AddOutput("promoted", $"{source.Environment.Name} → {environment.Name}");
        context.Report.AddOutput("reference", promoted.Reference);
        context.Report.AddOutput("copy", copy.Summary);
        context.Report.AddOutput("ecr scan", scan.Summary);
    }
}
