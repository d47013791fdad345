namespace Build.Stages.Deploy.Ecs;

/// <summary>
/// The wait between two polls: <see cref="Minimum"/> after a change, growing by <see cref="Growth"/> while nothing
/// changes, never past <see cref="Maximum"/>. Quick to notice a rollout's end, gentle on ECS's rate limits meanwhile.
/// </summary>
public sealed class PollInterval
{
    public PollInterval(TimeSpan minimum, TimeSpan maximum, double growth = 1.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minimum, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, minimum);
        ArgumentOutOfRangeException.ThrowIfLessThan(growth, 1.0);
        Minimum = minimum;
        Maximum = maximum;
        Growth = growth;
        Current = minimum;
    }

    public TimeSpan Minimum { get; }

    public TimeSpan Maximum { get; }

    public double Growth { get; }

    /// <summary>Gets the wait <see cref="Next"/> last returned (<see cref="Minimum"/> before the first).</summary>
    public TimeSpan Current { get; private set; }

    /// <summary>The wait before the next poll, given whether the last poll saw a change.</summary>
    public TimeSpan Next(bool changed)
    {
        Current = changed ? Minimum : TimeSpan.FromMilliseconds(Math.Min(Maximum.TotalMilliseconds, Math.Round(Current.TotalMilliseconds * Growth)));
        return Current;
    }
}
