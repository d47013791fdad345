using System.Globalization;
using Cake.Core;

namespace Build.Tools.Machine;

/// <summary>
/// Starts Debian's docker-registry (distribution) on a loopback address, detached, with its data, log and pid in a
/// <see cref="LocalRegistryFolder"/>, and waits for it to answer. Two builds that start it at once both succeed: they
/// take turns on the folder's start lock, and the second finds the first one's registry answering. (Builds of other
/// users, with other folders, race for the port: the one whose registry could not bind finds the other's answering.)
/// </summary>
public static class LocalRegistryServer
{
    public static readonly string[] UsualPaths = ["/usr/bin/docker-registry"];

    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a registry another build started may take to answer after this build's own exited.</summary>
    public static readonly TimeSpan RaceGrace = TimeSpan.FromSeconds(10);

    public static string? Locate(string? pathVariable) => ExecutableSearch.Find("docker-registry", pathVariable, UsualPaths);

    /// <summary>The command a person runs to start it the same way.</summary>
    public static string StartCommand(string executable, LocalRegistryFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return $"{ShellText.Quote(executable)} serve {ShellText.Quote(folder.ConfigFile)} >>{ShellText.Quote(folder.LogFile)} 2>&1 &";
    }

    public static RegistryStart Start(string executable, string address, LocalRegistryFolder folder, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder.Root);
        using var turn = TakeStartLock(folder, cancellation);
        if (RegistryProbe.Answers(address))
        {
            return new RegistryStart(null, StartedHere: false);
        }

        folder.WriteConfig(address);
        var pid = DetachedProcess.Start(executable, ["serve", folder.ConfigFile], folder.LogFile);
        DateTime? exited = null;
        var answered = Poll.Until(
            () =>
            {
                if (RegistryProbe.Answers(address))
                {
                    return true;
                }

                // Ours exited (the port was taken, maybe by another build's registry just starting): wait a little for that one.
                exited ??= DetachedProcess.IsRunning(pid) ? null : DateTime.UtcNow;
                return exited is { } at && DateTime.UtcNow - at > RaceGrace;
            },
            StartTimeout,
            TimeSpan.FromMilliseconds(250),
            cancellation);
        cancellation.ThrowIfCancellationRequested();
        if (!answered || !RegistryProbe.Answers(address))
        {
            throw new CakeException($"docker-registry did not answer at http://{address}/v2/ within {StartTimeout.TotalSeconds:0} s; {folder.LogFile} ends: {DetachedProcess.LogTail(folder.LogFile)}");
        }

        if (!DetachedProcess.IsRunning(pid))
        {
            return new RegistryStart(null, StartedHere: false);
        }

        File.WriteAllText(folder.PidFile, pid.ToString(CultureInfo.InvariantCulture) + "\n");
        return new RegistryStart(pid, StartedHere: true);
    }

    private static FileStream TakeStartLock(LocalRegistryFolder folder, CancellationToken cancellation)
    {
        FileStream? held = null;
        Poll.Until(
            () =>
            {
                try
                {
                    // FileShare.None is an OS lock (flock) on Unix: released when the holder exits, however it ends.
                    held = new FileStream(folder.StartLockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    return true;
                }
                catch (IOException)
                {
                    return false;
                }
            },
            StartTimeout + RaceGrace,
            TimeSpan.FromMilliseconds(200),
            cancellation);
        cancellation.ThrowIfCancellationRequested();
        return held ?? throw new CakeException($"Another build has been starting the registry in {folder.Root} for {(StartTimeout + RaceGrace).TotalSeconds:0} s ({folder.StartLockFile} is locked).");
    }
}
