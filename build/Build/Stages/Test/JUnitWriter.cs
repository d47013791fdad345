using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Build.Core.Text;

namespace Build.Stages.Test;

/// <summary>
/// Converts TRX results to one JUnit XML document, the dialect of Jenkins' <c>junit</c> step and of GitHub test reporters.
/// </summary>
/// <remarks>
/// There is one <c>testsuite</c> per test class of each run, named after the class: the class is what those tools group
/// by, and keeping runs apart stops a class tested on two target frameworks from becoming one suite of duplicate names.
/// Failed results get <c>failure</c>, not-executed ones <c>skipped</c>, and any other outcome (Timeout, Aborted...) <c>error</c>.
/// Counts are taken from the results, not from the TRX counters.
/// </remarks>
public static class JUnitWriter
{
    public static XDocument Convert(IEnumerable<TestRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var runList = runs.ToList();
        var suites = runList
            .SelectMany(run => run.Results
                .GroupBy(result => result.ClassName, StringComparer.Ordinal)
                .Select(testClass => Suite(run, testClass.Key, [.. testClass])))
            .ToList();
        var all = runList.SelectMany(run => run.Results).ToList();
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", Counts(all), suites));
    }

    public static void Write(IEnumerable<TestRun> runs, string path)
    {
        var document = Convert(runs);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        document.Save(writer);
    }

    private static XElement Suite(TestRun run, string className, IReadOnlyList<TestCaseResult> results) => new(
        "testsuite",
        new XAttribute("name", XmlSafeText.Clean(className)),
        Counts(results),
        run.Started is { } started
            ? new XAttribute("timestamp", started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture))
            : null,
        results.Select(TestCase));

    private static XElement TestCase(TestCaseResult result) => new(
        "testcase",
        new XAttribute("classname", XmlSafeText.Clean(result.ClassName)),
        new XAttribute("name", XmlSafeText.Clean(result.Name)),
        new XAttribute("time", Seconds(result.Duration)),
        Problem(result),
        result.StdOut is null ? null : new XElement("system-out", XmlSafeText.Clean(result.StdOut)));

    private static XElement? Problem(TestCaseResult result) => result.Outcome switch
    {
        TestOutcome.Passed => null,
        TestOutcome.NotExecuted => new XElement(
            "skipped",
            result.ErrorMessage is null ? null : new XAttribute("message", XmlSafeText.Clean(result.ErrorMessage))),
        TestOutcome.Failed => Failure("failure", result, result.ErrorMessage ?? "Failed"),
        _ => Failure("error", result, result.ErrorMessage ?? $"Test outcome was {result.RawOutcome}"),
    };

    private static XElement Failure(string element, TestCaseResult result, string message) => new(
        element,
        new XAttribute("message", XmlSafeText.Clean(message)),
        element == "error" ? new XAttribute("type", XmlSafeText.Clean(result.RawOutcome)) : null,
        XmlSafeText.Clean(result.StackTrace ?? message));

    private static IEnumerable<XAttribute> Counts(IReadOnlyCollection<TestCaseResult> results) =>
    [
        new("tests", results.Count),
        new("failures", results.Count(result => result.Outcome == TestOutcome.Failed)),
        new("errors", results.Count(result => result.Outcome == TestOutcome.Other)),
        new("skipped", results.Count(result => result.Outcome == TestOutcome.NotExecuted)),
        new("time", Seconds(results.Aggregate(TimeSpan.Zero, (sum, result) => sum + result.Duration))),
    ];

    private static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
