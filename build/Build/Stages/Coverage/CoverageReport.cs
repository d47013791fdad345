namespace Build.Stages.Coverage;

/// <summary>A Cobertura report: overall figures and those of each package.</summary>
public sealed record CoverageReport(string FilePath, CoverageCounts Counts, IReadOnlyList<PackageCoverage> Packages)
{
    public decimal LinePercent => Counts.LinePercent;

    public decimal BranchPercent => Counts.BranchPercent;

    /// <summary>The package with this name (ignoring case, as assembly names do), or null.</summary>
    public PackageCoverage? FindPackage(string name) =>
        Packages.FirstOrDefault(package => string.Equals(package.Name, name, StringComparison.OrdinalIgnoreCase));
}
