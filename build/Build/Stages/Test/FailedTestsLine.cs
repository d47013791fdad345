using System.Globalization;

namespace Build.Stages.Test;

/// <summary>
/// The one error line of a Test run with failures: "5 tests failed: CalculatorTests.Adds (and its other cases),
/// CalculatorTests.Divides, ParserTests.Reads (+2 more), details in artifacts/summary.md". A test is named by its class
/// (without namespace) and its display name cut at the first '(' (a theory's argument list says little in one line);
/// several failed cases of one theory are one name. Names are in alphabetical order (test runs report them in the order
/// they finished), so the same failures give the same line.
/// </summary>
public static class FailedTestsLine
{
    /// <summary>How many tests the line names.</summary>
    public const int Named = 3;

    /// <param name="failed">The failed results.</param>
    /// <param name="details">Where the whole list is (e.g. artifacts/summary.md).</param>
    public static string Of(IReadOnlyList<TestCaseResult> failed, string details)
    {
        ArgumentNullException.ThrowIfNull(failed);
        var names = failed
            .GroupBy(ShortName, StringComparer.Ordinal)
            .OrderBy(test => test.Key, StringComparer.Ordinal)
            .Select(test => test.Select(result => result.Name).Distinct(StringComparer.Ordinal).Count() > 1 ? $"{test.Key} (and its other cases)" : test.Key)
            .ToList();
        var more = names.Count > Named ? string.Create(CultureInfo.InvariantCulture, $" (+{names.Count - Named} more)") : "";
        var count = failed.Count == 1 ? "1 test" : string.Create(CultureInfo.InvariantCulture, $"{failed.Count} tests");
        return $"{count} failed: {string.Join(", ", names.Take(Named))}{more}, details in {details}";
    }

    /// <summary>"CalculatorTests.Adds" for <c>Sample.CalculatorTests.Adds(left: 1, right: 2)</c>.</summary>
    public static string ShortName(TestCaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var arguments = result.Name.IndexOf('(', StringComparison.Ordinal);
        var name = (arguments > 0 ? result.Name[..arguments] : result.Name).TrimEnd();
        var className = result.ClassName[(result.ClassName.LastIndexOf('.') + 1)..].Replace('+', '.');
        return className.Length == 0 || name.StartsWith(className + ".", StringComparison.Ordinal) ? name : $"{className}.{name}";
    }
}
