namespace Build.Tools.Docker;

/// <summary>Settings of <c>docker run --detach</c>: the container's name, published ports, restart policy and labels.</summary>
public sealed class DockerRunSettings : DockerSettings
{
    public string? Name { get; set; }

    /// <summary>Gets the port mappings, e.g. <c>127.0.0.1:8080:8080</c>.</summary>
    public IList<string> Publish { get; } = [];

    /// <summary>Gets or sets the restart policy, e.g. <c>unless-stopped</c>; null: docker's default (no).</summary>
    public string? Restart { get; set; }

    public IDictionary<string, string> Labels { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}
