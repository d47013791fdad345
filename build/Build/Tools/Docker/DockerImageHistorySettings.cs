namespace Build.Tools.Docker;

/// <summary>Settings of <c>docker image history</c> (none beyond the global ones).</summary>
public sealed class DockerImageHistorySettings : DockerSettings;
