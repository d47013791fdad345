using Build.Parameters;
using Cake.Core;

namespace Build.Tests.Parameters;

public sealed class CacheModesTests
{
    [Theory]
    [InlineData("auto", false, false, "on")]
    [InlineData("auto", false, true, "off")]
    [InlineData("on", false, true, "on")]
    [InlineData("off", false, false, "off")]
    [InlineData("auto", true, false, "off")]
    [InlineData("off", true, true, "off")]
    public void Auto_skips_locally_and_not_on_CI_and_no_cache_always_runs_everything(string mode, bool noCache, bool onCi, string expected)
    {
        Assert.Equal(expected, CacheModes.Resolve(mode, noCache, onCi));
    }

    [Fact]
    public void No_cache_with_cache_on_is_a_usage_error()
    {
        var error = Assert.Throws<CakeException>(() => CacheModes.Resolve("on", noCache: true, onCi: false));

        Assert.Equal(2, error.ExitCode);
    }
}
