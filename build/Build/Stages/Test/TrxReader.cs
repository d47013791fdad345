using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Build.Stages.Test;

/// <summary>Reads a Visual Studio TRX file, as written by <c>dotnet test --logger trx</c>.</summary>
/// <remarks>
/// Each top-level UnitTestResult becomes one <see cref="TestCaseResult"/>, its class found through its testId in
/// TestDefinitions (xunit gives every theory row its own testId). MSTest's data-driven parents are read as one result:
/// their outcome already sums up their InnerResults.
/// </remarks>
public static class TrxReader
{
    public static readonly XNamespace Namespace = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TestRun Read(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return Parse(XDocument.Load(reader), path);
    }

    public static TestRun Parse(XDocument document, string filePath)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.Root;
        if (root is null || root.Name != Namespace + "TestRun")
        {
            throw new InvalidDataException($"{filePath} is not a TRX file: expected a TestRun element in {Namespace}, found {root?.Name.ToString() ?? "nothing"}.");
        }

        var classes = ClassesByTestId(root);
        var results = root.Elements(Namespace + "Results").Elements(Namespace + "UnitTestResult")
            .Select(result => ReadResult(result, classes))
            .ToList();
        var summary = root.Element(Namespace + "ResultSummary");
        var times = root.Element(Namespace + "Times");
        return new TestRun((string?)root.Attribute("name") ?? "", filePath, ReadCounters(summary?.Element(Namespace + "Counters")), results)
        {
            Outcome = (string?)summary?.Attribute("outcome") ?? "",
            Started = Timestamp(times?.Attribute("start")),
            Finished = Timestamp(times?.Attribute("finish")),
        };
    }

    private static Dictionary<string, string> ClassesByTestId(XElement root)
    {
        var classes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var test in root.Elements(Namespace + "TestDefinitions").Elements(Namespace + "UnitTest"))
        {
            var id = (string?)test.Attribute("id");
            var className = (string?)test.Element(Namespace + "TestMethod")?.Attribute("className");
            if (id is not null && className is not null)
            {
                classes.TryAdd(id, className);
            }
        }

        return classes;
    }

    private static TestCaseResult ReadResult(XElement result, Dictionary<string, string> classes)
    {
        var testId = (string?)result.Attribute("testId") ?? "";
        var testName = (string?)result.Attribute("testName") ?? "";
        var className = classes.TryGetValue(testId, out var known) ? known : ClassFromTestName(testName);
        var name = className.Length > 0 && testName.StartsWith(className + ".", StringComparison.Ordinal)
            ? testName[(className.Length + 1)..]
            : testName;
        var rawOutcome = (string?)result.Attribute("outcome") ?? "";
        var output = result.Element(Namespace + "Output");
        var error = output?.Element(Namespace + "ErrorInfo");
        return new TestCaseResult(
            className,
            name,
            ParseOutcome(rawOutcome),
            TimeSpan.TryParse((string?)result.Attribute("duration"), CultureInfo.InvariantCulture, out var duration) ? duration : TimeSpan.Zero,
            Text(error?.Element(Namespace + "Message")),
            Text(error?.Element(Namespace + "StackTrace")),
            Text(output?.Element(Namespace + "StdOut")))
        {
            RawOutcome = rawOutcome,
            TestId = testId,
        };
    }

    /// <summary>Without a definition, "Namespace.Class.Method(args)" is split at the last dot before the arguments.</summary>
    private static string ClassFromTestName(string testName)
    {
        var arguments = testName.IndexOf('(', StringComparison.Ordinal);
        var lastDot = (arguments >= 0 ? testName[..arguments] : testName).LastIndexOf('.');
        return lastDot > 0 ? testName[..lastDot] : "";
    }

    private static TestOutcome ParseOutcome(string outcome) => outcome switch
    {
        "Passed" => TestOutcome.Passed,
        "Failed" => TestOutcome.Failed,
        "NotExecuted" => TestOutcome.NotExecuted,
        _ => TestOutcome.Other,
    };

    private static TestRunCounters ReadCounters(XElement? counters) => new(
        Count(counters, "total"),
        Count(counters, "executed"),
        Count(counters, "passed"),
        Count(counters, "failed"),
        Count(counters, "notExecuted"));

    private static int Count(XElement? counters, string name) =>
        int.TryParse((string?)counters?.Attribute(name), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;

    private static DateTimeOffset? Timestamp(XAttribute? attribute) =>
        DateTimeOffset.TryParse((string?)attribute, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;

    private static string? Text(XElement? element) =>
        string.IsNullOrWhiteSpace(element?.Value) ? null : element.Value;
}
