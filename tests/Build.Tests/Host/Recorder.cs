namespace Build.Tests.Host;

/// <summary>Collects what the test tasks did, in order (tasks may run at the same time).</summary>
public sealed class Recorder
{
    private readonly object _gate = new();
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public void Add(string name)
    {
        lock (_gate)
        {
            _events.Add(name);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits until <paramref name="name"/> was recorded (false after <paramref name="timeout"/>).</summary>
    public bool WaitFor(string name, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (!_events.Contains(name))
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                Monitor.Wait(_gate, left);
            }

            return true;
        }
    }
}
