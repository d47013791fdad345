using System.Globalization;

namespace Build.Core.Text;

/// <summary>
/// A duration as people read it: <c>0.4s</c>, <c>12.3s</c>, <c>4m 02s</c>, <c>1h 02m</c>. Cut, never rounded up (a
/// clock's reading): 4 min 2.93 s is <c>4m 02s</c>. The console's task table and summary.md use it; build-report.json
/// keeps seconds as a number.
/// </summary>
public static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        var ticks = Math.Max(duration.Ticks, 0);
        var tenths = ticks / (TimeSpan.TicksPerSecond / 10);
        if (tenths < 600)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{tenths / 10}.{tenths % 10}s");
        }

        var seconds = ticks / TimeSpan.TicksPerSecond;
        if (seconds < 3600)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m {seconds % 60:00}s");
        }

        var minutes = seconds / 60;
        return string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h {minutes % 60:00}m");
    }
}
