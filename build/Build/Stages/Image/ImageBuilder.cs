using Build.Parameters;
using Build.Tools.Docker;
using Cake.Common.IO;
using Cake.Core;

namespace Build.Stages.Image;

/// <summary>Builds and tags the app image from the one Dockerfile, then reads back what docker made of it.</summary>
public static class ImageBuilder
{
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);

    public static ImageBuildResult Build(ICakeContext context, ImageBuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        context.EnsureDirectoryExists(request.Paths.Output);
        var settings = Settings(request);
        var id = context.DockerBuild(request.Context, settings)
            ?? throw new CakeException("docker build wrote no image id file; cannot tell which image was built.");
        var details = context.DockerImageInspect(id)
            ?? throw new CakeException($"docker build reported image {id}, but docker image inspect cannot find it.");
        return new ImageBuildResult(
            details.Id,
            request.Repository,
            request.Tags,
            details.Size,
            request.BaseImage,
            request.BuildMode,
            request.BuildKit ? ImageBuilders.BuildKit : ImageBuilders.Legacy,
            details.RootFs.Layers,
            details.Config.LabelsOrEmpty);
    }

    public static DockerBuildSettings Settings(ImageBuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = new DockerBuildSettings
        {
            File = request.Paths.Dockerfile,
            Target = request.Target,
            ImageIdFile = request.Paths.ImageIdFile,
            BuildKit = request.BuildKit,
            Progress = "plain",
            ToolTimeout = BuildTimeout,
        };
        foreach (var tag in request.Tags)
        {
            settings.Tags.Add(ImageTags.Reference(request.Repository, tag));
        }

        foreach (var (name, value) in request.BuildArgs)
        {
            settings.BuildArgs[name] = value;
        }

        return settings;
    }
}
