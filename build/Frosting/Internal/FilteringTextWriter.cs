using System.Text;

namespace Cake.Frosting.Internal;

/// <summary>
/// Passes whole lines through a filter (secret redaction) before they reach the inner writer.
/// Partial lines are held until their newline or a flush, so a secret split across writes is still caught.
/// Each write that reaches the inner writer is recorded in <paramref name="activity"/> (what the heartbeat measures).
/// </summary>
internal sealed class FilteringTextWriter(TextWriter inner, Func<string, string> filter, OutputActivity? activity = null) : TextWriter
{
    private readonly StringBuilder _pending = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _pending.Append(value);
            if (value == '\n')
            {
                FlushPending();
            }
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        lock (_gate)
        {
            _pending.Append(value);
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                FlushPending();
            }
        }
    }

    public override void WriteLine(string? value) => Write(value + NewLine);

    public override void Flush()
    {
        lock (_gate)
        {
            FlushPending();
            inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void FlushPending()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        inner.Write(filter(_pending.ToString()));
        inner.Flush();
        _pending.Clear();
        activity?.Printed();
    }
}
