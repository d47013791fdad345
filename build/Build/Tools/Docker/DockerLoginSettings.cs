namespace Build.Tools.Docker;

/// <summary>Settings of <c>docker login</c>. The password is never a setting: it goes to the process's standard input.</summary>
public sealed class DockerLoginSettings : DockerSettings
{
    public string? Username { get; set; }
}
