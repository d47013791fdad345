using System.Collections.Concurrent;
using Cake.Core;
using Cake.Core.IO;
using Cake.Frosting.Internal;

namespace Cake.Frosting;

/// <summary>
/// The interruption of a run (SIGINT or SIGTERM; Ctrl-C on a terminal), as this host records it: which signal, during
/// which task, and a token that waits observe. Not part of Cake.Frosting's API: the host installs the signal hook that
/// fills <see cref="Current"/>; tasks, tool runners and waits read it.
/// </summary>
public sealed class Interruption : IDisposable
{
    private readonly List<string> _running = [];
    private string? _lastTask;
    private string? _firstFailed;
    private readonly CancellationTokenSource _source = new();
    private readonly ConcurrentDictionary<int, bool> _acknowledged = new();
    private string? _signal;
    private DateTimeOffset? _requestedAt;
    private int _aborted;

    /// <summary>Exit code of an interrupted run: 128 + SIGINT, as a shell reports a process stopped by Ctrl-C.</summary>
    public const int ExitCode = 130;

    /// <summary>Gets the interruption of this process.</summary>
    public static Interruption Current { get; } = new();

    /// <summary>Gets the token cancelled when the run is interrupted: in-process waits pass it on.</summary>
    public CancellationToken Token => _source.Token;

    public bool IsRequested => _signal is not null;

    /// <summary>Gets whether a second signal aborted the run: its Error line is printed, nothing else may be.</summary>
    public bool IsAborted => Volatile.Read(ref _aborted) != 0;

    /// <summary>Gets the signal that interrupted the run ("SIGINT", "SIGTERM"), or null.</summary>
    public string? Signal => _signal;

    /// <summary>Gets when the run was interrupted, or null.</summary>
    public DateTimeOffset? RequestedAt => _requestedAt;

    /// <summary>
    /// Gets the tasks that are running ("Test and Lint" when two run at once), else the one that ran last; null before
    /// the first task; once nothing runs, the first task that failed. The host says when each task starts and ends.
    /// </summary>
    public string? Task
    {
        get
        {
            lock (_running)
            {
                return _running.Count > 0 ? string.Join(" and ", _running) : _firstFailed ?? _lastTask;
            }
        }
    }

    public void Dispose() => _source.Dispose();

    internal void TaskStarted(string task)
    {
        lock (_running)
        {
            _running.Add(task);
            _lastTask = task;
        }
    }

    internal void TaskEnded(string task, bool failed)
    {
        lock (_running)
        {
            _running.Remove(task);
            _firstFailed ??= failed ? task : null;
        }
    }

    /// <summary>
    /// Records that a child process has received the interrupt itself (it said so, e.g. terraform's "Interrupt
    /// received."), so the host does not send it a second one: for terraform a second interrupt is an immediate abort.
    /// </summary>
    public void Acknowledge(IProcess process)
    {
        if (ProcessIds.Of(process) is { } id)
        {
            _acknowledged[id] = true;
        }
    }

    public bool IsAcknowledged(int processId) => _acknowledged.ContainsKey(processId);

    /// <summary>Records the interruption; true the first time, false for any later signal.</summary>
    public bool Request(string signal)
    {
        if (Interlocked.CompareExchange(ref _signal, signal, null) is not null)
        {
            return false;
        }

        _requestedAt = DateTimeOffset.UtcNow;
        _source.Cancel();
        return true;
    }

    /// <summary>Records the abort; true the first time (only that caller prints the line and exits).</summary>
    public bool Abort() => Interlocked.Exchange(ref _aborted, 1) == 0;

    /// <summary>Throws the interruption of the running task if the run was interrupted (e.g. before a task starts).</summary>
    public void ThrowIfRequested(string what)
    {
        if (IsRequested)
        {
            throw Stopped($"Interrupted ({Signal}) {what}.");
        }
    }

    /// <summary>The failure of a task that stopped because of the interruption; <paramref name="message"/> names what was interrupted.</summary>
    public static CakeException Stopped(string message) => new(ExitCode, message);

    /// <summary>The line of a run interrupted while its last task ran, which finished all the same (a child that ignored SIGINT).</summary>
    public string DescribeFinished() =>
        $"Interrupted ({Signal}) during {Task ?? "the build"}: it finished before it could stop, and no later task ran; the run counts as interrupted.";

    /// <summary>The one line that names the interruption, for the console's Error line and the build report.</summary>
    public string Describe(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure switch
        {
            CakeException { ExitCode: ExitCode } interrupted => interrupted.Message,
            OperationCanceledException => $"Interrupted ({Signal}) during {Task ?? "the build"}: it stopped waiting.",
            _ => $"Interrupted ({Signal}) during {Task ?? "the build"}: {failure.Message}",
        };
    }
}
