using Build.Core;
using Build.Core.Gates;
using Build.Stages.Image;
using Build.Stages.Push;
using Cake.Common.Diagnostics;
using Cake.Core;

namespace Build.Stages.Deploy;

/// <summary>
/// Which digest Deploy runs, and the evidence that it may: the image this run pushed, or the environment's record
/// (artifacts/image/pushed-&lt;env&gt;.json). A pushed image needs every gate for this commit (<see cref="GateEvidence"/>);
/// a promoted one was gated where it was first pushed and ECR scanned it again in this environment, so Deploy
/// checks that it is this checkout's commit and says where it came from.
/// </summary>
/// <param name="Reference">repository@sha256:... to run.</param>
/// <param name="Version">The image's version label, which the smoke test expects /version to report.</param>
/// <param name="ImageRepository">The local image's repository (names the local container); null for a promoted image.</param>
public sealed record ImageToDeploy(string Reference, string? Version, string? ImageRepository)
{
    public static ImageToDeploy Resolve(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var environment = context.BuildEnvironment.Name;
        var step = $"Deploy to {environment}";
        var pushedInThisRun = context.Results.TryGet<PushedImage>();
        if (pushedInThisRun is null && PushedImageFile.Read(context.Paths, environment) is { PromotedFrom: { } source } promoted)
        {
            return Promoted(context, promoted, source);
        }

        var image = ImageRecordFile.Resolve(context);
        var reference = pushedInThisRun?.Reference ?? PushedImageFile.ReadReference(context.Paths, image, environment);
        GateEvidence.Require(context, step, image.Id);
        return new ImageToDeploy(reference, image.Labels.GetValueOrDefault(OciLabels.Version), image.Repository);
    }

    private static ImageToDeploy Promoted(BuildContext context, PushedImageRecord record, PromotionSource source)
    {
        var commit = context.BuildVersion;
        if (record.Commit is null || !commit.HasCommit || record.Commit != commit.Commit)
        {
            throw new CakeException(
                $"Deploy to {record.Environment} refused: the image promoted there ({record.Reference}) is of commit {Short(record.Commit)}, this checkout is {commit.ShortCommit}; "
                + $"check out {Short(record.Commit)} (the task definition and smoke test must be the image's), or promote this commit's image.");
        }

        context.Information(
            "Gates for commit {0}: the image was promoted from {1} by digest ({2}); it passed every gate when it was pushed there, and ECR's scan in {3}: {4}.",
            commit.ShortCommit,
            source.Environment,
            source.Reference,
            record.Environment,
            source.TargetScan.TrimEnd('.'));
        context.Report.AddOutput("gates", $"promoted from {source.Environment}");
        return new ImageToDeploy(record.Reference, record.Version, ImageRepository: null);
    }

    private static string Short(string? commit) => commit is { Length: > 12 } ? commit[..12] : commit ?? "unknown";
}
