using Build.Core;
using Build.Core.Incremental;
using Build.Parameters;
using Build.Stages.Compile;
using Build.Stages.Push;
using Build.Stages.Versioning;
using Build.Tools.Docker;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Frosting;

namespace Build.Stages.Image;

[TaskName("Image")]
[TaskDescription("Builds the app image from src/App/Dockerfile (prebuilt: host publish, offline; sdk: in the SDK image), tagged <version> and <sha12> (uncommitted changes: one <version>-dirty.<time> tag), with OCI labels.")]
[IsDependentOn(typeof(CompileTask))]
[IsDependentOn(typeof(VersionTask))]
[IsDependentOn(typeof(BaseImageTask))]
public sealed class ImageTask : FrostingTask<BuildContext>, IIncrementalTask
{
    public IReadOnlyList<string> ArtifactOutputs { get; } = ["image/image.json"];

    // A dirty tree's version carries a time: its commit and the files say what the image is built from.
    public TaskInputs Inputs(BuildContext context)
    {
        var version = context.BuildVersion;
        return CommonInputs.For(context)
            .Files(context.Paths.Root.FullPath, "src")
            .Value("image settings", System.Text.Json.JsonSerializer.Serialize(context.Parameters.Image))
            .Value("commit", version.Commit)
            .Value("version", version.IsDirty ? "(dirty tree)" : version.Version)
            .Value("base image", context.Parameters.Image.UsesLocalBase ? BaseImageRecipe.ReferenceForThisMachine() : context.Parameters.Image.BaseImage);
    }

    public bool OutputsExist(BuildContext context)
    {
        var file = ImagePaths.From(context.Paths).ImageFile.FullPath;
        return File.Exists(file)
            && System.Text.Json.JsonSerializer.Deserialize<ImageBuildResult>(File.ReadAllText(file), JsonDefaults.Indented) is { } image
            && context.DockerImageInspect(image.Id) is not null;
    }

    public void Restore(BuildContext context)
    {
        var image = ImageRecordFile.Resolve(context);
        context.Results.Set(image);
        context.Report.AddOutput("image", image.ShortId);
        context.Report.AddOutput("tags", string.Join(" ", image.References));
    }

    public override void Run(BuildContext context)
    {
        var engine = DockerEngineCheck.Require(context);
        var parameters = context.Parameters.Image;
        var paths = ImagePaths.From(context.Paths);
        var version = context.BuildVersion;
        var baseImage = parameters.UsesLocalBase ? BaseImageRecipe.ReferenceForThisMachine() : parameters.BaseImage;
        var buildKit = UseBuildKit(parameters.Builder, engine.HasBuildx);

        if (parameters.BuildMode == ImageBuildModes.Sdk)
        {
            SourceContext.Stage(paths);
        }
        else
        {
            var published = AppPublisher.Publish(context, paths, version, context.BuildConfiguration, context.IsCi);
            context.Information("Published {0}: {1} runtime entries, {2} app entries.", published.Context.FullPath, published.RuntimeEntries, published.AppEntries);
        }

        var source = SourceFacts.Read(context, context.Paths.Root);
        var buildArgs = new Dictionary<string, string>(OciLabels.BuildArgs(version.Version, OciLabels.RevisionOf(version), source.Url, source.CommitTime, baseImage), StringComparer.Ordinal);
        if (parameters.BuildMode == ImageBuildModes.Sdk)
        {
            buildArgs["SDK_IMAGE"] = parameters.SdkImage;
            buildArgs["CONFIGURATION"] = context.BuildConfiguration;
        }

        var request = new ImageBuildRequest(paths, parameters.Repository, ImageTags.For(version), parameters.BuildMode, baseImage, buildKit, buildArgs);
        var image = Build(context, request, parameters);

        image = image with { FromDirtyTree = version.IsDirty };
        context.Results.Set(image);
        ImageRecordFile.Write(paths.ImageFile, image);

        // A push record describes an earlier image; Deploy must never pick it up for this one.
        PushedImageFile.ForgetPushesOfOtherImages(context.Paths, image.Id);
        context.Information("Image {0} ({1}, {2} MB on disk), built {3} with the {4} builder on {5}.", string.Join(", ", image.References), image.ShortId, image.SizeMegabytes, image.BuildMode, image.Builder, image.BaseImage);
        context.Report.AddOutput("image", image.ShortId);
        context.Report.AddOutput("tags", string.Join(" ", image.References));
        context.Report.AddOutput("size", $"{image.SizeMegabytes:0.0} MB");
    }

    private static bool UseBuildKit(string builder, bool hasBuildx) => builder switch
    {
        ImageBuilders.Legacy => false,
        ImageBuilders.BuildKit when !hasBuildx => throw new CakeException($"--{ArgumentNames.ImageBuilder} {ImageBuilders.BuildKit} needs docker buildx, which is not installed; use --{ArgumentNames.ImageBuilder} {ImageBuilders.Legacy} (or {ImageBuilders.Auto})."),
        ImageBuilders.BuildKit => true,
        _ => hasBuildx,
    };

    // A registry image that is neither on this machine nor pullable is the usual cause offline: say which, and the way out.
    private static ImageBuildResult Build(BuildContext context, ImageBuildRequest request, ImageParameters parameters)
    {
        try
        {
            return ImageBuilder.Build(context, request);
        }
        catch (CakeException failure)
        {
            var needed = new List<string>();
            if (!parameters.UsesLocalBase)
            {
                needed.Add(request.BaseImage);
            }

            if (request.BuildMode == ImageBuildModes.Sdk)
            {
                needed.Add(parameters.SdkImage);
            }

            var missing = needed.Where(reference => context.DockerImageInspect(reference) is null).ToList();
            if (missing.Count == 0)
            {
                throw;
            }

            throw new CakeException($"{failure.Message} ({string.Join(" and ", missing)} not on this machine and not pullable; without registry access use --{ArgumentNames.ImageBuildMode} {ImageBuildModes.Prebuilt} --{ArgumentNames.BaseImage} {ImageParameters.LocalBase})");
        }
    }
}
