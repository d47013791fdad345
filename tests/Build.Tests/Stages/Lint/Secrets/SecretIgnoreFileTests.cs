using Build.Stages.Lint.Secrets;
using Cake.Core;

namespace Build.Tests.Stages.Lint.Secrets;

/// <summary>build/secrets/ignore.json: the vulnerability ignore file's format with a path instead of a package.</summary>
public sealed class SecretIgnoreFileTests
{
    [Fact]
    public void Parse_reads_entries_with_their_line_in_the_file()
    {
        const string json = """
            [
              // the fake AWS servers of the tests
              {
                "id": "aws-access-key-id",
                "path": "tests/Build.Tests/Tools/Aws/Fake*.cs",
                "reason": "made-up keys the fakes accept",
                "expires": "2027-05-31"
              },
              { "id": "URL-PASSWORD", "path": "docs/guide.md", "reason": "a made-up password, \"quoted\" [sic]", "expires": "2027-01-01" },
            ]
            """;

        var entries = SecretIgnoreFile.Parse(json, "build/secrets/ignore.json");

        Assert.Equal(
            [
                new SecretIgnoreEntry("aws-access-key-id", "tests/Build.Tests/Tools/Aws/Fake*.cs", "made-up keys the fakes accept", new DateOnly(2027, 5, 31), 3),
                new SecretIgnoreEntry("URL-PASSWORD", "docs/guide.md", "a made-up password, \"quoted\" [sic]", new DateOnly(2027, 1, 1), 9),
            ],
            entries);
    }

    [Fact]
    public void Parse_reports_every_problem_in_one_line()
    {
        const string json = """[{"id": "aws-key", "path": "a", "reason": "r", "expires": "2027-01-01"}, {"id": "github-token", "expires": "31/12/2027", "package": "x"}]""";

        var error = Assert.Throws<CakeException>(() => SecretIgnoreFile.Parse(json, "build/secrets/ignore.json"));

        Assert.StartsWith("build/secrets/ignore.json is invalid: entry 1 (aws-key) names no rule (rules: aws-access-key-id, ", error.Message, StringComparison.Ordinal);
        Assert.Contains("entry 2 (github-token) has an unknown field 'package' (fields: id, path, reason, expires)", error.Message, StringComparison.Ordinal);
        Assert.Contains("entry 2 (github-token) has no path", error.Message, StringComparison.Ordinal);
        Assert.Contains("entry 2 (github-token) has no reason", error.Message, StringComparison.Ordinal);
        Assert.Contains("entry 2 (github-token) has expires '31/12/2027', which is not a yyyy-MM-dd date", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "must hold a JSON array")]
    [InlineData("[", "is not valid JSON (line 1)")]
    public void Parse_refuses_a_file_that_is_not_a_list(string json, string message) =>
        Assert.Contains(message, Assert.Throws<CakeException>(() => SecretIgnoreFile.Parse(json, "f")).Message, StringComparison.Ordinal);

    [Fact]
    public void Load_reads_a_missing_file_as_an_empty_list() =>
        Assert.Empty(SecretIgnoreFile.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "ignore.json"), "ignore.json"));

    [Theory]
    [InlineData("tests/a.cs", "tests/a.cs", true)]
    [InlineData("tests/a.cs", "tests/b.cs", false)]
    [InlineData("tests/*.cs", "tests/a.cs", true)]
    [InlineData("tests/*.cs", "tests/x/a.cs", false)]
    [InlineData("tests/**/*.cs", "tests/a.cs", true)]
    [InlineData("tests/**/*.cs", "tests/x/y/a.cs", true)]
    [InlineData("tests/**", "tests/x/y/a.md", true)]
    [InlineData("**/Fake?.cs", "a/b/FakeX.cs", true)]
    [InlineData("tests/a.cs", "tests/a.cs.bak", false)]
    public void PathGlob_matches_paths_from_the_repository_root(string pattern, string path, bool matches) =>
        Assert.Equal(matches, PathGlob.Matches(pattern, path));
}
