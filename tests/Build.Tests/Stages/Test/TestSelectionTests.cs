using Build.Core;
using Build.Core.Secrets;
using Build.Parameters;
using Build.Stages.Test;
using Cake.Core;

namespace Build.Tests.Stages.Test;

public sealed class TestSelectionTests
{
    [Fact]
    public void By_default_every_test_runs_without_a_filter()
    {
        var tests = Parse().Tests;

        Assert.Equal(BuildParameters.AllTests, tests);
        Assert.Null(TestSelection.Filter(tests));
    }

    [Theory]
    [InlineData("unit")]
    [InlineData("Unit")]
    public void Unit_runs_the_tests_without_the_integration_trait(string value)
    {
        var tests = Parse("--tests", value).Tests;

        Assert.Equal(BuildParameters.UnitTests, tests);
        Assert.Equal("Category!=Integration", TestSelection.Filter(tests));
    }

    [Fact]
    public void All_can_be_asked_for_explicitly()
    {
        Assert.Equal(BuildParameters.AllTests, Parse("--tests", "all").Tests);
    }

    [Theory]
    [InlineData("integration")]
    [InlineData("Category!=Integration")]
    public void Any_other_value_is_a_usage_error_naming_the_choices(string value)
    {
        var error = Assert.Throws<CakeException>(() => Parse("--tests", value));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Equal($"Invalid --tests '{value}': use one of all, unit.", error.Message);
    }

    private static BuildParameters Parse(params string[] args) =>
        BuildParameters.Parse(new CakeArguments(args.Chunk(2).ToLookup(pair => pair[0].TrimStart('-'), pair => pair[1], StringComparer.OrdinalIgnoreCase)), new SecretRegistry());
}
