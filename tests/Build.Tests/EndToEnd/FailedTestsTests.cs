using Build.Tests.Support;

namespace Build.Tests.EndToEnd;

/// <summary>
/// The Test target on a project whose facts and theory cases fail: one error line that names the first three tests
/// sensibly (a theory once, without its arguments), how many more, and where the details are.
/// </summary>
public sealed class FailedTestsTests : IDisposable
{
    // Restore, build and test of the fixture project; generous for a loaded 2-core machine.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private const string Tests = """
        using Xunit;

        namespace Sample.Failing;

        public class ParserTests
        {
            [Theory]
            [InlineData("a, b (c)", 1)]
            [InlineData("d)(e", 2)]
            [InlineData("ok", 0)]
            public void Reads_a_list(string text, int expected) => Assert.Equal(0, expected + text.Length * 0);

            [Fact]
            public void Trims_spaces() => Assert.Fail("no trim");
        }

        public class WriterTests
        {
            [Fact]
            public void Escapes_pipes() => Assert.Equal("a\\|b", "a|b");

            [Fact]
            public void Writes_nothing_for_nothing() => Assert.Fail("wrote something");

            [Fact]
            public void Passes() => Assert.True(true);
        }

        """;

    private readonly BuildProcess _build = new();

    [Fact]
    public void Failed_tests_end_the_run_with_one_line_naming_three_and_pointing_at_the_summary()
    {
        LeakyTestProject.WriteProject(_build.Root, "Failing", "FailingTests.cs", Tests);

        var run = _build.Run(Timeout, "--target", "Test", "--tests", "unit");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            "Error: 5 tests failed: ParserTests.Reads_a_list (and its other cases), ParserTests.Trims_spaces, WriterTests.Escapes_pipes (+1 more), details in artifacts/summary.md",
            run.ErrorLines[^1]);
        var summary = File.ReadAllText(Path.Combine(_build.Artifacts, "summary.md"));
        Assert.Contains("Writes_nothing_for_nothing", summary, StringComparison.Ordinal);
        Assert.Contains("Reads_a_list(text: \"d)(e\", expected: 2)", summary, StringComparison.Ordinal);
    }

    public void Dispose() => _build.Dispose();
}
