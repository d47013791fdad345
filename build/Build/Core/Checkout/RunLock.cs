using System.Diagnostics;
using Build.Parameters;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Core.Checkout;

/// <summary>
/// One run per checkout at a time. The lock is an OS file lock: .build/run.lock opened with FileShare.None and held
/// for the whole run, so a crashed run releases it; who holds it goes to .build/run.lock.json for the message a
/// second run prints. A second run waits up to --lock-wait, then refuses (exit 3) naming the holder. One instance
/// per process, disposed by the host after Teardown, so the lock is released also when the run failed.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = "run.lock";
    public const string HolderFileName = "run.lock.json";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private FileStream? _held;
    private string? _holderFile;
    private RunLockHolder? _holder;

    /// <summary>Takes the lock of the checkout whose cache folder is <paramref name="cache"/>, waiting up to <paramref name="wait"/> for another run.</summary>
    public void Take(DirectoryPath cache, string target, TimeSpan wait, Action<string> inform)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(inform);
        Directory.CreateDirectory(cache.FullPath);
        var lockFile = cache.CombineWithFilePath(FileName).FullPath;
        var holderFile = cache.CombineWithFilePath(HolderFileName).FullPath;
        var waiting = Stopwatch.StartNew();
        var announced = false;
        while (true)
        {
            var held = TryOpen(lockFile);
            var holder = RunLockHolder.Read(holderFile);
            if (held is not null && (holder is null || !holder.IsAliveOnThisHost()))
            {
                if (holder is not null)
                {
                    inform($"Took over the run lock of this checkout from {holder}: that build ended without releasing it.");
                }

                _held = held;
                _holderFile = holderFile;
                _holder = RunLockHolder.ThisProcess(target);
                _holder.Write(holderFile);
                return;
            }

            // Locked, or free while the recorded holder still runs (file locking disabled or not honoured here).
            held?.Dispose();
            var who = holder?.ToString() ?? "who is not recorded";
            if (!announced && wait > TimeSpan.Zero)
            {
                inform($"Another build is running in this checkout ({who}); waiting up to {wait.TotalSeconds:0} s for it (--{ArgumentNames.LockWait}).");
                announced = true;
            }

            var left = wait - waiting.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new CakeException(ExitCodes.Locked, $"Another build is running in this checkout ({who}); let it finish, or pass --{ArgumentNames.LockWait} SECONDS to wait for it. The lock is {lockFile}.");
            }

            Thread.Sleep(left < PollInterval ? left : PollInterval);
        }
    }

    /// <summary>Releases the lock: the holder record first (only if it is still this run's), then the OS lock.</summary>
    public void Dispose()
    {
        if (_held is null)
        {
            return;
        }

        try
        {
            if (RunLockHolder.Read(_holderFile!) == _holder)
            {
                File.Delete(_holderFile!);
            }
        }
        catch (IOException)
        {
            // A record left behind names a process that no longer runs: the next run takes over with a notice.
        }

        _held.Dispose();
        _held = null;
    }

    private static FileStream? TryOpen(string lockFile)
    {
        try
        {
            return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
