using System.Diagnostics;

namespace Cake.Frosting.Internal;

/// <summary>
/// While a task runs (or Setup, TearDown, the checks before the first task), a line "Still running &lt;task&gt;:
/// &lt;elapsed&gt;" whenever the build has printed nothing for <c>quiet</c>, so nothing looks hung for longer than that.
/// A task that prints its own progress never gets one.
/// </summary>
/// <remarks>
/// One thing at a time, as Cake runs tasks. The beat has a thread of its own, not a thread-pool timer: a task that
/// blocks pool threads must not silence the very line that says it is still running.
/// </remarks>
internal sealed class Heartbeat(OutputActivity activity, Action<string> write, TimeSpan quiet, Func<TimeSpan, string> formatDuration) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _stop = new();
    private Thread? _thread;
    private string? _task;
    private long _started;

    public void Begin(string task)
    {
        lock (_gate)
        {
            _task = task;
            _started = Stopwatch.GetTimestamp();
            activity.Printed();
            if (_thread is null)
            {
                _thread = new Thread(Beat) { IsBackground = true, Name = "heartbeat" };
                _thread.Start();
            }
        }
    }

    public void End()
    {
        lock (_gate)
        {
            _task = null;
        }
    }

    public void Dispose()
    {
        _stop.Set();
        _thread?.Join();
        _stop.Dispose();
    }

    private void Beat()
    {
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(quiet.TotalMilliseconds / 20, 20, 500));
        while (!_stop.Wait(tick))
        {
            lock (_gate)
            {
                if (_task is null || activity.Silence < quiet)
                {
                    continue;
                }

                // Whole seconds: a heartbeat is a clock's reading, not a measurement.
                var elapsed = TimeSpan.FromSeconds(Math.Floor(Stopwatch.GetElapsedTime(_started).TotalSeconds));
                write($"Still running {_task}: {formatDuration(elapsed)}");
                activity.Printed();
            }
        }
    }
}
