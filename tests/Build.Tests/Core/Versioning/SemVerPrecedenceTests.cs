using Build.Core.Versioning;
namespace Build.Tests.Core.Versioning;

public sealed class SemVerPrecedenceTests
{
    // The ordering example of semver.org, section 11.
    [Theory]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta")]
    [InlineData("1.0.0-alpha.beta", "1.0.0-beta")]
    [InlineData("1.0.0-beta", "1.0.0-beta.2")]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11")]
    [InlineData("1.0.0-beta.11", "1.0.0-rc.1")]
    [InlineData("1.0.0-rc.1", "1.0.0")]
    [InlineData("1.0.0", "1.0.1")]
    [InlineData("1.9.0", "1.10.0")]
    public void Lower_precedes_higher(string lower, string higher)
    {
        Assert.True(SemanticVersion.TryParse(lower, out var low));
        Assert.True(SemanticVersion.TryParse(higher, out var high));

        Assert.True(SemVerPrecedence.Compare(low, high) < 0);
        Assert.True(SemVerPrecedence.Compare(high, low) > 0);
    }

    [Fact]
    public void Build_metadata_does_not_count()
    {
        Assert.True(SemanticVersion.TryParse("1.0.0+a", out var left));
        Assert.True(SemanticVersion.TryParse("1.0.0+b", out var right));

        Assert.Equal(0, SemVerPrecedence.Compare(left, right));
    }
}
