using Build.Tools.Aws;
namespace Build.Tests.Tools.Aws;

public sealed class AwsRetryPolicyTests
{
    private readonly AwsRetryPolicy _policy = new(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));

    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(4, 1000)]
    [InlineData(30, 1000)]
    public void The_longest_wait_doubles_per_retry_up_to_the_cap(int retry, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), _policy.DelayBeforeRetry(retry, 1.0));
    }

    [Fact]
    public void The_wait_is_a_random_part_of_the_longest_one()
    {
        Assert.Equal(TimeSpan.Zero, _policy.DelayBeforeRetry(3, 0.0));
        Assert.Equal(TimeSpan.FromMilliseconds(200), _policy.DelayBeforeRetry(3, 0.25));
    }

    [Fact]
    public void A_policy_needs_at_least_one_attempt()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AwsRetryPolicy(0, TimeSpan.Zero, TimeSpan.Zero));
    }
}
