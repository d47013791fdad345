namespace Build.Tools.Docker;

/// <summary>Settings of the container commands (stop, start, rm, rename, logs, container inspect): the global ones only.</summary>
public sealed class DockerContainerSettings : DockerSettings;
