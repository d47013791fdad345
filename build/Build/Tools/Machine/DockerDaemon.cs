using Cake.Core;

namespace Build.Tools.Machine;

/// <summary>
/// Starts the Docker engine of this machine: <c>systemctl start docker</c> where systemd runs, else <c>dockerd</c>
/// detached (<see cref="DetachedProcess"/>) with its output in a log file; as root or through <c>sudo -n</c>.
/// </summary>
public static class DockerDaemon
{
    /// <summary>Where Debian's docker.io (and Docker's own packages) put dockerd; /usr/sbin is not on a user's PATH.</summary>
    public static readonly string[] UsualPaths = ["/usr/sbin/dockerd", "/usr/bin/dockerd", "/usr/local/bin/dockerd"];

    public static readonly TimeSpan SystemctlTimeout = TimeSpan.FromMinutes(2);

    public static string? Locate(string? pathVariable) => ExecutableSearch.Find("dockerd", pathVariable, UsualPaths);

    /// <summary>The engine's log when the build starts dockerd itself.</summary>
    public static string LogFile(string dataFolder) => Path.Combine(dataFolder, "dockerd.log");

    /// <summary>Starts the engine and returns how, for the log line ("systemctl start docker" or "dockerd, pid N; log: ...").</summary>
    public static string Start(string dockerd, bool systemd, bool sudo, string logFile)
    {
        if (systemd)
        {
            var (executable, arguments) = MachineCommand.AsRoot(sudo, "systemctl", ["start", "docker"]);
            var result = MachineCommand.Run(executable, arguments, SystemctlTimeout);
            return result.Succeeded
                ? "systemctl start docker"
                : throw new CakeException($"systemctl start docker failed (exit {result.ExitCode}): {result.Tail()}; journalctl -u docker says why.");
        }

        var (daemon, daemonArguments) = MachineCommand.AsRoot(sudo, dockerd, []);
        var pid = DetachedProcess.Start(daemon, daemonArguments, logFile);
        return $"dockerd, pid {pid}; log: {logFile}";
    }
}
