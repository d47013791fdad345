using Build.Parameters;
using Cake.Core.IO;

namespace Build.Stages.Image;

/// <summary>What to build: context and Dockerfile stage (from the mode), tags, build arguments, base image, builder.</summary>
public sealed record ImageBuildRequest(
    ImagePaths Paths,
    string Repository,
    IReadOnlyList<string> Tags,
    string BuildMode,
    string BaseImage,
    bool BuildKit,
    IReadOnlyDictionary<string, string> BuildArgs)
{
    /// <summary>Gets the Dockerfile stage: <c>prebuilt</c> copies the host's publish output, <c>sdk</c> builds in the SDK image.</summary>
    public string Target => BuildMode;

    public DirectoryPath Context => BuildMode == ImageBuildModes.Sdk ? Paths.SourceContext : Paths.PrebuiltContext;
}
