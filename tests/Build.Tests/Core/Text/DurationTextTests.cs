using Build.Core.Text;

namespace Build.Tests.Core.Text;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0, "0.0s")]
    [InlineData(0.4, "0.4s")]
    [InlineData(0.46, "0.4s")]
    [InlineData(12.3, "12.3s")]
    [InlineData(59.99, "59.9s")]
    [InlineData(60, "1m 00s")]
    [InlineData(242.9326708, "4m 02s")]
    [InlineData(3599.9, "59m 59s")]
    [InlineData(3600, "1h 00m")]
    [InlineData(3750, "1h 02m")]
    [InlineData(90000, "25h 00m")]
    [InlineData(-1, "0.0s")]
    public void A_duration_reads_as_a_clock_would_show_it(double seconds, string expected) =>
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond))));
}
