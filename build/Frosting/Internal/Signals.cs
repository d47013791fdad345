using System.Runtime.InteropServices;

namespace Cake.Frosting.Internal;

/// <summary>Sends a POSIX signal to one process through libc's kill(2): no helper process, usable from a signal handler.</summary>
internal static partial class Signals
{
    /// <summary>SIGINT is 2 on Linux and macOS alike.</summary>
    public const int Interrupt = 2;

    /// <summary>Sends SIGINT; false when the process no longer exists or this is not a Unix system.</summary>
    public static bool SendInterrupt(int processId) =>
        !OperatingSystem.IsWindows() && processId > 0 && Kill(processId, Interrupt) == 0;

    /// <summary>Signal 0 delivers nothing and only checks that the process exists.</summary>
    public static bool IsAlive(int processId) =>
        !OperatingSystem.IsWindows() && processId > 0 && Kill(processId, 0) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
