using Build.Parameters;
using Build.Stages.Image.Vulnerabilities;
using Cake.Core;

namespace Build.Tests.Stages.Image.Vulnerabilities;

public sealed class IgnoreFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("build-tests-ignore-").FullName;

    [Fact]
    public void Entries_are_read_with_optional_package_comments_and_trailing_commas()
    {
        var entries = IgnoreFile.Parse(
            """
            // Reviewed 2025-02-20 by the platform team.
            [
              { "id": "CVE-2024-0727", "package": "libssl3", "reason": "PKCS12 is never parsed.", "expires": "2025-03-31" },
              { "id": "GHSA-5crp-9r3c-p9vr", "reason": "Upgrade in progress.", "expires": "2025-04-15", },
            ]
            """,
            "ignore.json");

        Assert.Equal(
            [
                new IgnoreEntry("CVE-2024-0727", "libssl3", "PKCS12 is never parsed.", new DateOnly(2025, 3, 31)),
                new IgnoreEntry("GHSA-5crp-9r3c-p9vr", null, "Upgrade in progress.", new DateOnly(2025, 4, 15)),
            ],
            entries);
    }

    [Fact]
    public void Every_problem_of_the_file_is_reported_in_one_line()
    {
        var error = Assert.Throws<CakeException>(() => IgnoreFile.Parse(
            """
            [
              { "id": "CVE-2024-0001", "expires": "2025-03-31" },
              { "id": "CVE-2024-0002", "reason": "ok", "expires": "31/03/2025" },
              { "id": "CVE-2024-0003", "reason": " ", "expires": "2025-02-30" },
              { "reason": "no id", "expires": "2025-03-31", "expiry": "2025-03-31" },
              "CVE-2024-0005"
            ]
            """,
            "build/vulnerabilities/ignore.json"));

        Assert.Equal(
            "build/vulnerabilities/ignore.json is invalid (7 problems): entry 1 (CVE-2024-0001) has no reason (say why the finding is accepted); "
            + "entry 2 (CVE-2024-0002) has expires '31/03/2025', which is not a yyyy-MM-dd date; "
            + "entry 3 (CVE-2024-0003) has no reason (say why the finding is accepted); "
            + "entry 3 (CVE-2024-0003) has expires '2025-02-30', which is not a yyyy-MM-dd date; "
            + "entry 4 has an unknown field 'expiry' (fields: id, package, reason, expires); entry 4 has no id (a CVE or GHSA id); "
            + "entry 5 is not an object.",
            error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Thousands_of_problems_give_a_bounded_line_naming_the_first_ones_and_the_file_with_all_of_them()
    {
        const int Count = 20_000;
        var json = "[" + string.Join(",", Enumerable.Range(1, Count).Select(n => $"{{\"id\": \"CVE-{n}\", \"expires\": \"never\", \"reason\": \"{new string('x', 500)}\"}}")) + "]";
        var problemsFile = Path.Combine(Directory.CreateTempSubdirectory("ignore-problems-").FullName, "image", "ignore-file-problems.txt");

        var error = Assert.Throws<CakeException>(() => IgnoreFile.Parse(json, "ignore.json", problemsFile));

        Assert.InRange(error.Message.Length, 100, 3000);
        Assert.StartsWith($"ignore.json is invalid ({Count} problems): entry 1 (CVE-1) has expires 'never'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(+{Count - 10} more; all {Count} in {problemsFile}).", error.Message, StringComparison.Ordinal);
        var lines = File.ReadAllLines(problemsFile);
        Assert.Equal(Count, lines.Length);
        Assert.Equal($"entry {Count} (CVE-{Count}) has expires 'never', which is not a yyyy-MM-dd date", lines[^1]);
    }

    [Fact]
    public void A_file_that_is_not_a_list_is_a_clear_error()
    {
        var error = Assert.Throws<CakeException>(() => IgnoreFile.Parse("""{ "id": "CVE-2024-0001" }""", "ignore.json"));

        Assert.Equal("ignore.json must hold a JSON array of entries ({\"id\", \"package\", \"reason\", \"expires\"}); an empty list is [].", error.Message);
    }

    [Fact]
    public void Broken_JSON_names_the_line()
    {
        var error = Assert.Throws<CakeException>(() => IgnoreFile.Parse("[\n  { \"id\": \"CVE-2024-0001\" \n", "ignore.json"));

        Assert.StartsWith("ignore.json is not valid JSON (line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_default_file_is_an_empty_list_but_a_missing_given_file_is_an_error()
    {
        var path = Path.Combine(_directory, "ignore.json");

        Assert.Empty(IgnoreFile.Load(path, required: false));
        var error = Assert.Throws<CakeException>(() => IgnoreFile.Load(path, required: true));
        Assert.Equal($"The vulnerability ignore file {path} does not exist: create it (an empty list is []) or fix the path.", error.Message);
    }

    [Fact]
    public void The_checked_in_ignore_file_is_valid()
    {
        var path = Path.Combine(VulnerabilityFixtures.RepositoryRoot, VulnerabilityParameters.DefaultIgnoreFile);

        Assert.True(File.Exists(path), $"{path} is missing.");
        Assert.NotNull(IgnoreFile.Load(path, required: true));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
