using System.Globalization;
using Build.Core.Health;
using Build.Tools.Docker;
using Cake.Core;

namespace Build.Stages.Deploy;

/// <summary>
/// Waits until a container answers GET /health with 200 on its host port. The image's own HEALTHCHECK is too slow
/// to wait on (its first probe comes after the 30 s interval), so the deploy probes from outside
/// (<see cref="HealthEndpointWait"/>) and watches the container, so one that exits or restart-loops fails at once.
/// </summary>
public static class ContainerHealthWait
{
    public static async Task<TimeSpan> UntilHealthyAsync(DockerContainers containers, string name, Uri url, TimeSpan timeout, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(url);
        var result = await HealthEndpointWait.UntilHealthyAsync(new Uri(url, "health"), timeout, () => WhyStopped(containers, name), cancellation).ConfigureAwait(false);
        return result.IsHealthy ? result.Elapsed : throw new CakeException($"container {name} {result.Failure}");
    }

    private static string? WhyStopped(DockerContainers containers, string name)
    {
        var state = containers.Inspect(name, new DockerContainerSettings());
        return state is null
            ? "disappeared"
            : state.HasExited
                ? $"exited (exit code {state.ExitCode.ToString(CultureInfo.InvariantCulture)}, now {state.Status}) before answering /health"
                : null;
    }
}
