namespace Build.Tools.Docker;

/// <summary>Settings of <c>docker image inspect</c> (none beyond the global ones).</summary>
public sealed class DockerImageInspectSettings : DockerSettings;
