using Cake.Frosting;

namespace Build.Tests.Host;

public sealed class NameSuggestionTests
{
    private static readonly string[] Targets = ["Clean", "Compile", "Default", "Deploy", "Push", "Test", "Version"];

    [Theory]
    [InlineData("Deplyo", "Deploy")]
    [InlineData("deploy", "Deploy")]
    [InlineData("Tset", "Test")]
    [InlineData("Compil", "Compile")]
    public void A_close_name_is_suggested(string given, string expected) =>
        Assert.Equal(expected, NameSuggestion.Closest(given, Targets));

    [Theory]
    [InlineData("Frobnicate")]
    [InlineData("Publish")]
    public void Nothing_is_suggested_when_nothing_is_close(string given) =>
        Assert.Null(NameSuggestion.Closest(given, Targets));

    [Fact]
    public void Nothing_is_suggested_from_no_candidates() =>
        Assert.Null(NameSuggestion.Closest("Deploy", []));
}
