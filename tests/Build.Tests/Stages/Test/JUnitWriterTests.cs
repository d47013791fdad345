using System.Globalization;
using System.Xml.Linq;
using Build.Stages.Test;

namespace Build.Tests.Stages.Test;

public sealed class JUnitWriterTests
{
    private static readonly XElement Root = JUnitWriter.Convert([TrxFixture.Read()]).Root!;

    [Fact]
    public void The_totals_match_the_real_run()
    {
        Assert.Equal("testsuites", Root.Name.LocalName);
        Assert.Equal(7, Int(Root, "tests"));
        Assert.Equal(1, Int(Root, "failures"));
        Assert.Equal(0, Int(Root, "errors"));
        Assert.Equal(1, Int(Root, "skipped"));
    }

    [Fact]
    public void There_is_one_suite_per_class_and_the_counts_add_up()
    {
        var suites = Root.Elements("testsuite").ToList();

        Assert.Equal([TrxFixture.CalculatorTests, TrxFixture.DivisionTests], suites.Select(suite => (string)suite.Attribute("name")!).Order());
        foreach (var attribute in new[] { "tests", "failures", "errors", "skipped" })
        {
            Assert.Equal(Int(Root, attribute), suites.Sum(suite => Int(suite, attribute)));
        }

        Assert.All(suites, suite => Assert.Equal(Int(suite, "tests"), suite.Elements("testcase").Count()));
        Assert.All(suites, suite => Assert.Equal("2026-11-21T22:34:38", (string?)suite.Attribute("timestamp")));
        Assert.All(Root.Descendants("testcase"), test => Assert.Equal((string?)test.Parent!.Attribute("name"), (string?)test.Attribute("classname")));
    }

    [Fact]
    public void A_failed_test_has_a_failure_with_the_message_and_the_stack_trace()
    {
        var failure = Assert.Single(Root.Descendants("failure"));

        Assert.Equal(TrxFixture.FailedTest, (string?)failure.Parent!.Attribute("name"));
        Assert.StartsWith("Assert.Equal() Failure: Strings differ", (string?)failure.Attribute("message"), StringComparison.Ordinal);
        Assert.Contains("CalculatorTests.cs:line 17", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skipped_test_has_a_skipped_element_and_output_goes_to_system_out()
    {
        var skipped = Assert.Single(Root.Descendants("skipped"));
        var output = Assert.Single(Root.Descendants("system-out"));

        Assert.Equal("Divide_by_zero_returns_zero", (string?)skipped.Parent!.Attribute("name"));
        Assert.Equal("Division by zero behaviour is not decided yet", (string?)skipped.Attribute("message"));
        Assert.Equal("Add_returns_the_sum", (string?)output.Parent!.Attribute("name"));
        Assert.Equal("Adding 2 and 3", output.Value);
    }

    [Fact]
    public void Times_are_seconds_with_a_dot_whatever_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        CultureInfo.CurrentCulture = comma;
        try
        {
            var run = TestRuns.Of(TestRuns.Passed("A"), TestRuns.Failed("B", "boom") with { Duration = TimeSpan.FromSeconds(1.5) });

            var root = JUnitWriter.Convert([run]).Root!;

            Assert.Equal("1.510", (string?)root.Attribute("time"));
            Assert.Equal(["0.010", "1.500"], root.Descendants("testcase").Select(test => (string)test.Attribute("time")!));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Markup_in_messages_is_escaped_and_survives_a_round_trip()
    {
        const string message = "Expected <a> & \"b\" but was 'c'";
        var run = TestRuns.Of(TestRuns.Failed("Compares<T>", message) with { StdOut = "\u001b[31mred\u001b[0m </system-out>" });
        var path = Path.Combine(Path.GetTempPath(), $"junit-{Guid.NewGuid():N}", "nested", "junit.xml");
        try
        {
            JUnitWriter.Write([run], path);

            var text = File.ReadAllText(path);
            var failure = Assert.Single(XDocument.Load(path).Descendants("failure"));
            Assert.Contains("message=\"Expected &lt;a&gt; &amp; &quot;b&quot; but was 'c'\"", text, StringComparison.Ordinal);
            Assert.Equal(message, (string?)failure.Attribute("message"));
            Assert.Equal("Compares<T>", (string?)failure.Parent!.Attribute("name"));
            Assert.Equal("\uFFFD[31mred\uFFFD[0m </system-out>", XDocument.Load(path).Descendants("system-out").Single().Value);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(path))!, recursive: true);
        }
    }

    [Fact]
    public void Other_outcomes_are_errors_with_the_outcome_as_type()
    {
        var timeout = new TestCaseResult("Ns.Slow", "Waits", TestOutcome.Other, TimeSpan.FromMinutes(1)) { RawOutcome = "Timeout" };

        var root = JUnitWriter.Convert([TestRuns.Of(timeout)]).Root!;

        var error = Assert.Single(root.Descendants("error"));
        Assert.Equal("Timeout", (string?)error.Attribute("type"));
        Assert.Equal("Test outcome was Timeout", (string?)error.Attribute("message"));
        Assert.Equal(1, Int(root, "errors"));
        Assert.Equal(0, Int(root, "failures"));
        Assert.Empty(root.Descendants("failure"));
    }

    [Fact]
    public void No_runs_make_an_empty_but_valid_document()
    {
        var root = JUnitWriter.Convert([]).Root!;

        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(0, Int(root, "tests"));
        Assert.Equal("0.000", (string?)root.Attribute("time"));
        Assert.Empty(root.Elements());
    }

    [Fact]
    public void Runs_are_not_merged_so_a_class_run_twice_has_two_suites()
    {
        var run = TrxFixture.Read();

        var root = JUnitWriter.Convert([run, run with { Name = "second" }]).Root!;

        Assert.Equal(14, Int(root, "tests"));
        Assert.Equal(4, root.Elements("testsuite").Count());
    }

    private static int Int(XElement element, string attribute) =>
        int.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
}
