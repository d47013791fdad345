using System.Net;
using System.Net.Sockets;
using Build.Parameters;
using Build.Tools.Docker;
using Cake.Common.Diagnostics;
using Cake.Core;

namespace Build.Stages.Deploy;

/// <summary>
/// Replaces the service's container on this machine, the <c>local</c> environment's deploy: the running container
/// is renamed and stopped (kept), the new image starts on the same port, must answer /health within the timeout and
/// pass the smoke test; then the old container is removed. Otherwise the new one is removed, the old one is started
/// again and must answer /health, and the deploy still fails: a rollback is never reported as success.
/// </summary>
public static class LocalDeployer
{
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    public const int LogLinesOnFailure = 20;

    public static async Task<LocalDeployment> DeployAsync(ICakeContext context, LocalDeployRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var containers = context.DockerContainers();
        var settings = new DockerContainerSettings();
        var previous = RecoverInterruptedDeploy(context, containers, request) ?? containers.Inspect(request.ContainerName, settings);
        if (previous is null)
        {
            EnsurePortIsFree(request.Port);
        }
        else
        {
            containers.Rename(request.ContainerName, request.PreviousName, settings);
        }

        try
        {
            if (previous is { Running: true })
            {
                containers.Stop(request.PreviousName, StopGrace, settings);
            }

            var id = Start(context, request);
            var healthy = await ContainerHealthWait.UntilHealthyAsync(containers, request.ContainerName, request.Url, request.HealthTimeout, cancellation).ConfigureAwait(false);
            var checks = await SmokeTest.RunAsync(request.Url, request.ExpectedVersion, cancellation).ConfigureAwait(false);
            BestEffort(context, () => containers.Remove(request.PreviousName, settings), $"remove {request.PreviousName}");
            return new LocalDeployment(request.ContainerName, id, request.Image, request.Url, request.ExpectedVersion, previous?.ImageReference, healthy, checks);
        }
        catch (Exception failed) when (failed is not OutOfMemoryException)
        {
            BestEffort(context, () => PrintLogs(context, containers, request.ContainerName), "read the new container's logs");
            BestEffort(context, () => containers.Remove(request.ContainerName, settings), $"remove {request.ContainerName}");
            // Not cancelled by an interrupt: restoring the previous container is how an interrupted deploy stops cleanly.
            throw await RollBackAsync(containers, request, previous, failed.Message, CancellationToken.None).ConfigureAwait(false);
        }
    }

    // A run that was killed mid-deploy left the live container renamed to -previous (stopped) and maybe an unproven
    // new one under the name: the -previous one is the last that passed, so it is put back first and judged as live.
    private static DockerContainerState? RecoverInterruptedDeploy(ICakeContext context, DockerContainers containers, LocalDeployRequest request)
    {
        var settings = new DockerContainerSettings();
        var left = containers.Inspect(request.PreviousName, settings);
        if (left is null)
        {
            return null;
        }

        context.Warning("{0} was left by an interrupted deploy: it is the last container that passed, so it replaces {1} again.", request.PreviousName, request.ContainerName);
        containers.Remove(request.ContainerName, settings);
        containers.Rename(request.PreviousName, request.ContainerName, settings);
        containers.Start(request.ContainerName, settings);
        return containers.Inspect(request.ContainerName, settings);
    }

    private static string Start(ICakeContext context, LocalDeployRequest request)
    {
        var run = new DockerRunSettings { Name = request.ContainerName, Restart = "unless-stopped" };
        run.Publish.Add($"127.0.0.1:{request.Port}:8080");
        run.Labels["org.example.deployed-by"] = "build.sh --target Deploy";
        return context.DockerRun(request.Image, run);
    }

    private static void PrintLogs(ICakeContext context, DockerContainers containers, string name)
    {
        foreach (var line in containers.Logs(name, LogLinesOnFailure, new DockerContainerSettings()))
        {
            context.Warning("  {0}", line);
        }
    }

    private static async Task<CakeException> RollBackAsync(DockerContainers containers, LocalDeployRequest request, DockerContainerState? previous, string reason, CancellationToken cancellation)
    {
        var failed = $"Deploy of {request.Image} failed: {reason}";
        if (previous is null)
        {
            return new CakeException($"{failed}; there was no earlier container to restore, so nothing runs on port {request.Port}.");
        }

        var settings = new DockerContainerSettings();
        try
        {
            containers.Rename(request.PreviousName, request.ContainerName, settings);
            if (!previous.Running)
            {
                return new CakeException($"{failed}; the earlier container ({previous.ImageReference}) is back under its name, stopped as it was.");
            }

            containers.Start(request.ContainerName, settings);
            await ContainerHealthWait.UntilHealthyAsync(containers, request.ContainerName, request.Url, request.HealthTimeout, cancellation).ConfigureAwait(false);
            return new CakeException($"{failed}; rolled back to {previous.ImageReference}, which answers /health again.");
        }
        catch (Exception restore) when (restore is not OutOfMemoryException)
        {
            return new CakeException($"{failed}; the rollback to {previous.ImageReference} failed too ({restore.Message}): nothing healthy runs on port {request.Port}; see docker ps -a.");
        }
    }

    // Clean-up after a failure must not hide the failure itself: a step that fails here is reported and skipped.
    private static void BestEffort(ICakeContext context, Action step, string what)
    {
        try
        {
            step();
        }
        catch (Exception failed) when (failed is not OutOfMemoryException)
        {
            context.Warning("Could not {0}: {1}", what, failed.Message);
        }
    }

    private static void EnsurePortIsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
        }
        catch (SocketException)
        {
            throw new CakeException($"Port {port} on 127.0.0.1 is taken by something that is not this service's container: stop it, or pass --{ArgumentNames.DeployPort}.");
        }
    }
}
