using System.Globalization;

namespace Build.Stages.Coverage;

/// <summary>The least line and branch coverage, in percent, one package (assembly) of a report must have.</summary>
/// <param name="Package">The package name, matched exactly but ignoring case, e.g. "App".</param>
/// <param name="LinePercent">The required line coverage, 0-100.</param>
/// <param name="BranchPercent">The required branch coverage, 0-100.</param>
public sealed record CoverageThreshold(string Package, decimal LinePercent, decimal BranchPercent)
{
    public string Package { get; } = string.IsNullOrWhiteSpace(Package)
        ? throw new ArgumentException("A coverage threshold needs a package name.", nameof(Package))
        : Package;

    public decimal LinePercent { get; } = InRange(LinePercent, nameof(LinePercent));

    public decimal BranchPercent { get; } = InRange(BranchPercent, nameof(BranchPercent));

    /// <summary>Compares the package's percentages (rounded to 2 places) with the required ones; equal passes.</summary>
    public CoverageThresholdResult Evaluate(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var package = report.FindPackage(Package);
        if (package is null)
        {
            var names = report.Packages.Count > 0 ? string.Join(", ", report.Packages.Select(candidate => candidate.Name)) : "none";
            var cause = report.Packages.Count > 0
                ? "."
                : "; coverlet recorded no module at all, which happens when an interrupted test run left its instrumented assemblies half restored:"
                  + " rebuild them (./build.sh --target Clean, then run again).";
            return new CoverageThresholdResult(this, null, false,
                $"Coverage of {Package} cannot be checked: {report.FilePath} has no package named '{Package}' (packages: {names}){cause}");
        }

        var passed = package.LinePercent >= LinePercent && package.BranchPercent >= BranchPercent;
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"line {package.LinePercent:0.0#}% (required {LinePercent:0.##}%), branch {package.BranchPercent:0.0#}% (required {BranchPercent:0.##}%)");
        var verdict = passed ? "meets the threshold" : "is below the threshold";
        return new CoverageThresholdResult(this, package, passed, $"Coverage of {package.Name} {verdict}: {figures}.");
    }

    private static decimal InRange(decimal percent, string name) =>
        percent is >= 0 and <= 100 ? percent : throw new ArgumentOutOfRangeException(name, percent, "A coverage percentage is between 0 and 100.");
}
