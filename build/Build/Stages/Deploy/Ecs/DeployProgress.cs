using Build.Core;
using Cake.Common.Diagnostics;

namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// How an ECS deploy's progress shows: on a terminal, one live line rewritten in place at every poll; in CI logs (or
/// redirected output), a plain line for every step, every poll that saw a change, and at least every 30 s.
/// </summary>
public sealed class DeployProgress : IDisposable
{
    private static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(30);

    private readonly BuildContext _context;
    private readonly bool _live;
    private readonly Lock _gate = new();
    private DateTimeOffset _lastPrinted = DateTimeOffset.MinValue;
    private int _liveWidth;

    private DeployProgress(BuildContext context, bool live)
    {
        _context = context;
        _live = live;
    }

    public static DeployProgress For(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DeployProgress(context, !context.IsCi && !Console.IsOutputRedirected);
    }

    /// <summary>Gets the last line reported, for a message that says where the deploy stood.</summary>
    public string? LastLine { get; private set; }

    public void Report(EcsProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_gate)
        {
            LastLine = progress.Line;
            if (_live && progress.IsPoll)
            {
                var line = progress.Line.Length > 150 ? progress.Line[..150] : progress.Line;
                Console.Write("\r" + line.PadRight(_liveWidth));
                _liveWidth = line.Length;
                return;
            }

            var now = DateTimeOffset.UtcNow;
            if (progress.IsPoll && !progress.Changed && now - _lastPrinted < QuietLimit)
            {
                return;
            }

            EndLiveLine();
            _context.Information("{0}", progress.Line);
            _lastPrinted = now;
        }
    }

    /// <summary>Ends the live line, so what follows starts on a line of its own.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            EndLiveLine();
        }
    }

    public void Dispose() => Finish();

    private void EndLiveLine()
    {
        if (_liveWidth > 0)
        {
            Console.WriteLine();
            _liveWidth = 0;
        }
    }
}
