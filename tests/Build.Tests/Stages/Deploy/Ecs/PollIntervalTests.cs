using Build.Stages.Deploy.Ecs;

namespace Build.Tests.Stages.Deploy.Ecs;

public sealed class PollIntervalTests
{
    [Fact]
    public void The_wait_grows_while_nothing_changes_up_to_the_maximum()
    {
        var interval = new PollInterval(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));

        var waits = Enumerable.Range(0, 7).Select(_ => interval.Next(changed: false).TotalSeconds).ToList();

        Assert.Equal([3, 4.5, 6.75, 10, 10, 10, 10], waits);
    }

    [Fact]
    public void A_change_drops_the_wait_back_to_the_minimum()
    {
        var interval = new PollInterval(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        interval.Next(changed: false);
        interval.Next(changed: false);

        Assert.Equal(TimeSpan.FromSeconds(2), interval.Next(changed: true));
        Assert.Equal(TimeSpan.FromSeconds(3), interval.Next(changed: false));
    }

    [Fact]
    public void Bounds_that_make_no_sense_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollInterval(TimeSpan.Zero, TimeSpan.FromSeconds(10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollInterval(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollInterval(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), growth: 0.5));
    }
}
