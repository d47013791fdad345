using System.Diagnostics;

namespace Cake.Frosting.Internal;

/// <summary>When the build last printed a line (to standard output or error): what <see cref="Heartbeat"/> measures silence from.</summary>
internal sealed class OutputActivity
{
    private long _last = Stopwatch.GetTimestamp();

    /// <summary>Gets how long nothing has been printed.</summary>
    public TimeSpan Silence => Stopwatch.GetElapsedTime(Interlocked.Read(ref _last));

    public void Printed() => Interlocked.Exchange(ref _last, Stopwatch.GetTimestamp());
}
