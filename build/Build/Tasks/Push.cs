using Build.Image;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build.Tasks;

[TaskName(nameof(Push))]
[TaskDescription("Pushes the scanned image (local: the registry on 127.0.0.1, --registry); a tag holding another image is never overwritten; repository@sha256 in artifacts/image/pushed.json.")]
[IsDependentOn(typeof(ImageScan))]
public sealed class Push : AsyncFrostingTask<BuildContext>
{
    public override async Task RunAsync(BuildContext context)
    {
        var image = ImageRecordFile.Resolve(context);
        var pushed = context.IsLocalEnvironment
            ? await PushToLocalRegistryAsync(context, image)
            : await PushToEcrAsync(context, image);

        context.RecordPush(pushed);
        PushedImageFile.Write(ImagePaths.From(context.Paths).PushedFile, pushed, image);
        var present = pushed.AlreadyPresentTags.Count == 0 ? "" : $" ({string.Join(", ", pushed.AlreadyPresentTags)} already there with this image)";
        context.Information("Pushed {0}: tags {1}{2}; {3} MB compressed in the registry.", pushed.Reference, string.Join(", ", pushed.Tags), present, pushed.CompressedSizeMegabytes);
        context.Report.AddOutput("reference", pushed.Reference);
        context.Report.AddOutput("tags", string.Join(" ", pushed.Tags));
        context.Report.AddOutput("compressed", $"{pushed.CompressedSizeMegabytes:0.0} MB");
    }

    private static Task<PushedImage> PushToLocalRegistryAsync(BuildContext context, ImageBuildResult image)
    {
        DockerEngineCheck.Require(context);
        return LocalRegistryPublisher.PushAsync(context, image, context.Parameters.Image.Registry, pushSettings: null, CancellationToken.None);
    }

    // The seam for the ECR path (build/Build/Aws): authenticate, docker login --password-stdin, push, wait for the scan.
    private static Task<PushedImage> PushToEcrAsync(BuildContext context, ImageBuildResult image) =>
        throw new CakeException(
            $"Pushing to ECR (environment '{context.EnvironmentName}', image {image.References[0]}) is not available yet: the ECR client in build/Build/Aws is not wired in. Use --environment local to push to the local registry.");
}
