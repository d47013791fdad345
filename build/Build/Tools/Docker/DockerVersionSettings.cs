namespace Build.Tools.Docker;

/// <summary>Settings of <c>docker version</c> and <c>docker buildx version</c> (none beyond the global ones).</summary>
public sealed class DockerVersionSettings : DockerSettings;
