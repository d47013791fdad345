using Cake.Core;
using Cake.Core.IO;

namespace Build.Core.Processes;

/// <summary>Waits for a started process, optionally for a bounded time, so a hung tool stops the build with one clear line.</summary>
public static class ProcessWait
{
    /// <summary>
    /// Waits until the process exits. With a <paramref name="timeout"/>, a process still running when it expires is
    /// killed and a <see cref="CakeException"/> is thrown: "<paramref name="what"/> did not finish within N s and was stopped."
    /// </summary>
    public static void ForExit(IProcess process, TimeSpan? timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (timeout is { } limit && !process.WaitForExit((int)limit.TotalMilliseconds))
        {
            process.Kill();
            throw new CakeException($"{what} did not finish within {limit.TotalSeconds:0} s and was stopped.");
        }

        // Also after a timed wait that succeeded: only the untimed wait guarantees the redirected output has all been read.
        process.WaitForExit();
    }
}
