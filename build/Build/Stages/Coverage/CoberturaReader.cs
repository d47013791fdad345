using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Build.Stages.Coverage;

/// <summary>
/// Reads a Cobertura XML report: coverlet.collector's <c>coverage.cobertura.xml</c> or ReportGenerator's merged <c>Cobertura.xml</c>.
/// </summary>
/// <remarks>
/// Counts come from the <c>lines-covered</c>, <c>lines-valid</c>, <c>branches-covered</c> and <c>branches-valid</c>
/// attributes where an element has them. Coverlet's packages only carry rates, so a package without them is counted
/// from its classes' <c>line</c> elements (hits &gt; 0 is covered; branches from <c>condition-coverage="50% (1/2)"</c>),
/// and a report without them is the sum of its packages.
/// </remarks>
public static partial class CoberturaReader
{
    public static CoverageReport Read(string path)
    {
        // ReportGenerator writes a DOCTYPE that points to a DTD on the web; it is never fetched.
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return Parse(XDocument.Load(reader), path);
    }

    public static CoverageReport Parse(XDocument document, string filePath)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.Root;
        if (root is null || root.Name != "coverage")
        {
            throw new InvalidDataException($"{filePath} is not a Cobertura report: expected a coverage element, found {root?.Name.ToString() ?? "nothing"}.");
        }

        var packages = root.Elements("packages").Elements("package")
            .Select(package => new PackageCoverage((string?)package.Attribute("name") ?? "", ReadCounts(package, CountLines(package))))
            .ToList();
        var sum = packages.Aggregate(CoverageCounts.Zero, (total, package) => total + package.Counts);
        return new CoverageReport(filePath, ReadCounts(root, sum), packages);
    }

    private static CoverageCounts ReadCounts(XElement element, CoverageCounts fallback) => new(
        Count(element, "lines-covered") ?? fallback.LinesCovered,
        Count(element, "lines-valid") ?? fallback.LinesValid,
        Count(element, "branches-covered") ?? fallback.BranchesCovered,
        Count(element, "branches-valid") ?? fallback.BranchesValid);

    // Class-level lines only: the same lines are repeated under each method.
    private static CoverageCounts CountLines(XElement package)
    {
        var counts = CoverageCounts.Zero;
        foreach (var line in package.Elements("classes").Elements("class").Elements("lines").Elements("line"))
        {
            var covered = long.TryParse((string?)line.Attribute("hits"), NumberStyles.None, CultureInfo.InvariantCulture, out var hits) && hits > 0;
            var conditions = ConditionCoverage().Match((string?)line.Attribute("condition-coverage") ?? "");
            counts += new CoverageCounts(
                covered ? 1 : 0,
                1,
                conditions.Success ? Number(conditions.Groups["covered"].Value) : 0,
                conditions.Success ? Number(conditions.Groups["valid"].Value) : 0);
        }

        return counts;
    }

    private static int? Count(XElement element, string name) =>
        int.TryParse((string?)element.Attribute(name), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // "50% (1/2)": the figures in brackets are covered/total branches of the line.
    [GeneratedRegex(@"\((?<covered>\d{1,9})/(?<valid>\d{1,9})\)", RegexOptions.CultureInvariant)]
    private static partial Regex ConditionCoverage();
}
