using Cake.Core.IO;

namespace Build.Tools.Docker;

/// <summary>Settings of <c>docker build</c>.</summary>
public sealed class DockerBuildSettings : DockerSettings
{
    /// <summary>Gets or sets the Dockerfile (<c>--file</c>); it may live outside the build context.</summary>
    public FilePath? File { get; set; }

    /// <summary>Gets or sets the stage to build (<c>--target</c>).</summary>
    public string? Target { get; set; }

    public IList<string> Tags { get; } = [];

    /// <summary>Gets the build arguments (<c>--build-arg NAME=value</c>), in a stable order. Never put secrets here: they end up in the image history.</summary>
    public IDictionary<string, string> BuildArgs { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public IDictionary<string, string> Labels { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the file docker writes the built image id to (<c>--iidfile</c>).</summary>
    public FilePath? ImageIdFile { get; set; }

    /// <summary>Gets or sets a value indicating whether to build with BuildKit (<c>DOCKER_BUILDKIT=1</c>) or the legacy builder (<c>0</c>).</summary>
    public bool BuildKit { get; set; }

    /// <summary>Gets or sets a value indicating whether to always pull the base image (<c>--pull</c>).</summary>
    public bool Pull { get; set; }

    public bool NoCache { get; set; }

    /// <summary>Gets or sets BuildKit's progress output (<c>--progress plain</c>); ignored by the legacy builder, which has no such option.</summary>
    public string? Progress { get; set; }
}
