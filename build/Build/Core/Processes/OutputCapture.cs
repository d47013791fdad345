namespace Build.Core.Processes;

/// <summary>
/// Collects the lines a process prints, in the order they arrive, through the handler Cake's
/// <see cref="Cake.Core.IO.ProcessSettings"/> calls for each redirected line; optionally passes each line on as it comes.
/// </summary>
/// <remarks>
/// Cake calls the handlers of standard output and standard error from two reader threads, hence the lock. The handler
/// returns null so Cake queues nothing of its own: the lines are read from <see cref="Lines"/>, not from
/// <c>GetStandardOutput()</c>.
/// </remarks>
public sealed class OutputCapture(Action<string>? onLine = null)
{
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();

    /// <summary>Gets a copy of the lines received so far, in arrival order.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Keeps one line (Cake signals the end of a stream with null) and passes it on; the handler for <see cref="Cake.Core.IO.ProcessSettings"/>.</summary>
    public string? Receive(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _lines.Add(line);
            }

            onLine?.Invoke(line);
        }

        return null;
    }
}
