using System.Net;
using System.Net.Sockets;
using Build.Docker;
using Cake.Common.Diagnostics;
using Cake.Core;

namespace Build.Deploy;

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

        // A -previous container is what a run that died mid-way left behind; the named container is the live one.
        containers.Remove(request.PreviousName, settings);
        var previous = containers.Inspect(request.ContainerName, settings);
        if (previous is null)
        {
            EnsurePortIsFree(request.Port);
        }
        else
        {
            containers.Rename(request.ContainerName, request.PreviousName, settings);
            if (previous.Running)
            {
                containers.Stop(request.PreviousName, StopGrace, settings);
            }
        }

        try
        {
            var id = Start(context, request);
            var healthy = await ContainerHealthWait.UntilHealthyAsync(containers, request.ContainerName, request.Url, request.HealthTimeout, cancellation).ConfigureAwait(false);
            var checks = await SmokeTest.RunAsync(request.Url, request.ExpectedVersion, cancellation).ConfigureAwait(false);
            containers.Remove(request.PreviousName, settings);
            return new LocalDeployment(request.ContainerName, id, request.Image, request.Url, request.ExpectedVersion, previous?.ImageReference, healthy, checks);
        }
        catch (Exception failed) when (failed is DeployCheckFailedException or CakeException)
        {
            foreach (var line in containers.Logs(request.ContainerName, LogLinesOnFailure, settings))
            {
                context.Warning("  {0}", line);
            }

            containers.Remove(request.ContainerName, settings);
            throw await RollBackAsync(containers, request, previous, failed.Message, cancellation).ConfigureAwait(false);
        }
    }

    private static string Start(ICakeContext context, LocalDeployRequest request)
    {
        var run = new DockerRunSettings { Name = request.ContainerName, Restart = "unless-stopped" };
        run.Publish.Add($"127.0.0.1:{request.Port}:8080");
        run.Labels["org.example.deployed-by"] = "build.sh --target Deploy";
        try
        {
            return context.DockerRun(request.Image, run);
        }
        catch (CakeException refused)
        {
            throw new DeployCheckFailedException(refused.Message, refused);
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
        catch (Exception restore) when (restore is CakeException or DeployCheckFailedException)
        {
            return new CakeException($"{failed}; the rollback to {previous.ImageReference} failed too ({restore.Message}): nothing healthy runs on port {request.Port}; see docker ps -a.");
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
            throw new CakeException($"Port {port} on 127.0.0.1 is taken by something that is not this service's container: stop it, or pass --deploy-port.");
        }
    }
}
