using Build.Tools.Docker;
using Cake.Core;

namespace Build.Stages.Image;

/// <summary>The image stages' precondition: a docker CLI and an engine that answers; otherwise one line saying how to get them.</summary>
public static class DockerEngineCheck
{
    public const string StartCommand = "dockerd > /tmp/dockerd.log 2>&1 & (as root; or: systemctl start docker)";

    public static DockerEngineStatus Require(ICakeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Tools.Resolve("docker") is null)
        {
            throw new CakeException("The docker CLI is not installed or not on PATH: install it (Debian: apt-get install docker.io) and retry.");
        }

        var status = context.DockerEngine();
        return status.IsRunning
            ? status
            : throw new CakeException($"The docker engine does not answer ({status.Error}); start it: {StartCommand}, wait for 'docker info', then retry.");
    }
}
