namespace Build.Tools.Machine;

/// <summary>Waits for a condition, asking it every <c>interval</c>, up to a timeout or a cancellation.</summary>
public static class Poll
{
    public static bool Until(Func<bool> condition, TimeSpan timeout, TimeSpan interval, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (condition())
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline || cancellation.WaitHandle.WaitOne(interval))
            {
                return false;
            }
        }
    }
}
