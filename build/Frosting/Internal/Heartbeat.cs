using System.Diagnostics;

namespace Cake.Frosting.Internal;

/// <summary>
/// While a task runs (or Setup, TearDown, the checks before the first task), a line "Still running &lt;task&gt;:
/// &lt;elapsed&gt;" whenever the build has printed nothing for <c>quiet</c>, so nothing looks hung for longer than that.
/// A task that prints its own progress never gets one.
/// </summary>
/// <remarks>
/// Tasks that run at the same time share one line: "Still running Test: 1m 10s, Image: 40s". The beat has a thread of
/// its own, not a thread-pool timer: a task that blocks pool threads must not silence the very line that says it is
/// still running. The thread starts without the starting task's flow, so its lines are the host's, never a task's.
/// </remarks>
internal sealed class Heartbeat(OutputActivity activity, Action<string> write, TimeSpan quiet, Func<TimeSpan, string> formatDuration) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _stop = new();
    private Thread? _thread;
    private readonly List<(string Task, long Started)> _running = [];

    public void Begin(string task)
    {
        lock (_gate)
        {
            _running.Add((task, Stopwatch.GetTimestamp()));
            activity.Printed();
            if (_thread is null)
            {
                _thread = new Thread(Beat) { IsBackground = true, Name = "heartbeat" };
                _thread.UnsafeStart();
            }
        }
    }

    public void End(string task)
    {
        lock (_gate)
        {
            var index = _running.FindIndex(running => running.Task == task);
            if (index >= 0)
            {
                _running.RemoveAt(index);
            }
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
                if (_running.Count == 0 || activity.Silence < quiet)
                {
                    continue;
                }

                write($"Still running {string.Join(", ", _running.Select(running => $"{running.Task}: {Elapsed(running.Started)}"))}");
                activity.Printed();
            }
        }
    }

    // Whole seconds: a heartbeat is a clock's reading, not a measurement.
    private string Elapsed(long started) => formatDuration(TimeSpan.FromSeconds(Math.Floor(Stopwatch.GetElapsedTime(started).TotalSeconds)));
}
