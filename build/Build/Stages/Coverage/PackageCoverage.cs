namespace Build.Stages.Coverage;

/// <summary>The coverage of one Cobertura package; coverlet writes one package per assembly.</summary>
public sealed record PackageCoverage(string Name, CoverageCounts Counts)
{
    public decimal LinePercent => Counts.LinePercent;

    public decimal BranchPercent => Counts.BranchPercent;
}
