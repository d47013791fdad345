namespace Build.Tools.Docker;

/// <summary>Settings of <c>docker import</c>: Dockerfile instructions applied to the imported image (<c>--change</c>).</summary>
public sealed class DockerImportSettings : DockerSettings
{
    /// <summary>Gets the instructions; docker accepts CMD, ENTRYPOINT, ENV, EXPOSE, ONBUILD, USER, VOLUME and WORKDIR.</summary>
    public IList<string> Changes { get; } = [];

    public string? Message { get; set; }
}
