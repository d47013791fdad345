using System.Diagnostics;

namespace Cake.Frosting.Internal;

/// <summary>
/// While a task runs (or Setup, TearDown, the checks before the first task), a line "Still running &lt;task&gt;:
/// &lt;elapsed&gt;" whenever the build has printed nothing for <c>quiet</c>, so nothing looks hung for longer than that.
/// A task that prints its own progress never gets one.
/// </summary>
/// <remarks>One task at a time, as Cake runs them: <see cref="Begin"/> ends the previous beat if a teardown was missed.</remarks>
internal sealed class Heartbeat(OutputActivity activity, Action<string> write, TimeSpan quiet, Func<TimeSpan, string> formatDuration) : IDisposable
{
    private readonly Lock _gate = new();
    private Timer? _timer;
    private string _task = "";
    private long _started;

    public void Begin(string task)
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _task = task;
            _started = Stopwatch.GetTimestamp();
            activity.Printed();
            var tick = TimeSpan.FromMilliseconds(Math.Clamp(quiet.TotalMilliseconds / 20, 50, 500));
            _timer = new Timer(_ => Beat(), null, tick, tick);
        }
    }

    public void End()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    public void Dispose() => End();

    private void Beat()
    {
        lock (_gate)
        {
            if (_timer is null || activity.Silence < quiet)
            {
                return;
            }

            // Whole seconds: a heartbeat is a clock's reading, not a measurement.
            var elapsed = TimeSpan.FromSeconds(Math.Floor(Stopwatch.GetElapsedTime(_started).TotalSeconds));
            write($"Still running {_task}: {formatDuration(elapsed)}");
            activity.Printed();
        }
    }
}
