namespace Build.Tools.Docker;

/// <summary>Settings of <c>docker save</c> (none beyond the global ones; the output file is an argument).</summary>
public sealed class DockerSaveSettings : DockerSettings;
