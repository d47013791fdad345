namespace Build.Tools.Docker;

/// <summary>Settings of <c>docker tag</c> (none beyond the global ones).</summary>
public sealed class DockerTagSettings : DockerSettings;
