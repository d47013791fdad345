using System.Text.Json;

namespace Build.Tools.Docker;

/// <summary>What <c>docker container inspect</c> says of a container: its id, name, image, and whether it runs.</summary>
public sealed record DockerContainerState(string Id, string Name, string Image, string ImageReference, string Status, bool Running, int ExitCode)
{
    /// <summary>Gets how often the restart policy restarted it: a container that exits keeps "running" under a policy.</summary>
    public int RestartCount { get; init; }

    /// <summary>Gets a value indicating whether the process ended at least once since the container was started.</summary>
    public bool HasExited => !Running || Status == "restarting" || RestartCount > 0;

    /// <summary>Reads the first element of the JSON array docker prints (PascalCase, as docker's API names it).</summary>
    public static DockerContainerState Parse(string json)
    {
        var containers = JsonSerializer.Deserialize<List<ContainerWire>>(json) ?? [];
        var container = containers.Count > 0 ? containers[0] : throw new JsonException("docker container inspect printed an empty list.");
        return new DockerContainerState(
            container.Id ?? "",
            (container.Name ?? "").TrimStart('/'),
            container.Image ?? "",
            container.Config?.Image ?? "",
            container.State?.Status ?? "",
            container.State?.Running ?? false,
            container.State?.ExitCode ?? 0)
        {
            RestartCount = container.RestartCount ?? 0,
        };
    }

    private sealed record ContainerWire(string? Id, string? Name, string? Image, int? RestartCount, ConfigWire? Config, StateWire? State);

    private sealed record ConfigWire(string? Image);

    private sealed record StateWire(string? Status, bool Running, int ExitCode);
}
