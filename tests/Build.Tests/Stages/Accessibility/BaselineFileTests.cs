using Build.Stages.Accessibility;
using Cake.Core;

namespace Build.Tests.Stages.Accessibility;

public sealed class BaselineFileTests
{
    private const string Name = "build/accessibility/baseline.json";

    [Fact]
    public void A_valid_file_gives_its_entries()
    {
        var entries = BaselineFile.Parse("""
            {
              // comments are allowed
              "accepted": [
                { "rule": "color-contrast", "page": "/about", "selector": "p.muted", "reason": "Brand colour, issue 12", "expires": "2025-12-31" }
              ]
            }
            """, Name);

        var entry = Assert.Single(entries);
        Assert.Equal(new BaselineEntry("color-contrast", "/about", "p.muted", "Brand colour, issue 12", new DateOnly(2025, 12, 31)), entry);
    }

    [Fact]
    public void An_empty_list_and_a_missing_file_are_an_empty_baseline()
    {
        Assert.Empty(BaselineFile.Parse("""{ "accepted": [] }""", Name));
        Assert.Empty(BaselineFile.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "baseline.json"), Name));
    }

    [Theory]
    [InlineData("{ \"accepted\": [ ", "not valid JSON")]
    [InlineData("[]", "\"accepted\" array")]
    [InlineData("{ \"accepted\": {} }", "\"accepted\" array")]
    [InlineData("{ \"accepted\": [ 1 ] }", "entry 1 is not an object")]
    [InlineData("{ \"accepted\": [ { \"rule\": \"label\", \"page\": \"/\", \"selector\": \"#a\", \"expires\": \"2025-01-01\" } ] }", "entry 1 needs a non-empty string \"reason\"")]
    [InlineData("{ \"accepted\": [ { \"rule\": \"label\", \"page\": \"/\", \"selector\": \"#a\", \"reason\": \"r\", \"expires\": \"31/12/2025\" } ] }", "expires '31/12/2025', which is not a date written yyyy-MM-dd")]
    [InlineData("{ \"accepted\": [ { \"rule\": \"label\", \"page\": \"about\", \"selector\": \"#a\", \"reason\": \"r\", \"expires\": \"2025-01-01\" } ] }", "entry 1 has page 'about'")]
    [InlineData("{ \"accepted\": [ { \"rule\": \"label\", \"page\": \"/\", \"selector\": \"#a\", \"reason\": \"r\", \"expiry\": \"2025-01-01\" } ] }", "unknown property \"expiry\"")]
    public void A_malformed_file_is_one_clear_error_naming_the_file_and_the_problem(string json, string problem)
    {
        var error = Assert.Throws<CakeException>(() => BaselineFile.Parse(json, Name));

        Assert.StartsWith($"The accessibility baseline {Name} is malformed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_repeated_entry_is_an_error()
    {
        const string entry = """{ "rule": "label", "page": "/", "selector": "#a", "reason": "r", "expires": "2025-01-01" }""";

        var error = Assert.Throws<CakeException>(() => BaselineFile.Parse($$"""{ "accepted": [ {{entry}}, {{entry}} ] }""", Name));

        Assert.Contains("entry 2 repeats label on / at '#a'", error.Message, StringComparison.Ordinal);
    }
}
