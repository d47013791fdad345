namespace Build.Stages.Coverage;

/// <summary>Covered and coverable lines and branches, and the percentages they make.</summary>
public sealed record CoverageCounts(int LinesCovered, int LinesValid, int BranchesCovered, int BranchesValid)
{
    public static readonly CoverageCounts Zero = new(0, 0, 0, 0);

    /// <summary>Gets the line coverage, 0-100 rounded to 2 places; 100 when nothing is coverable.</summary>
    public decimal LinePercent => Percent(LinesCovered, LinesValid);

    /// <summary>Gets the branch coverage, 0-100 rounded to 2 places; 100 when there are no branches.</summary>
    public decimal BranchPercent => Percent(BranchesCovered, BranchesValid);

    public static CoverageCounts operator +(CoverageCounts left, CoverageCounts right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(
            left.LinesCovered + right.LinesCovered,
            left.LinesValid + right.LinesValid,
            left.BranchesCovered + right.BranchesCovered,
            left.BranchesValid + right.BranchesValid);
    }

    public static decimal Percent(int covered, int valid) =>
        valid == 0 ? 100m : Math.Round(covered * 100m / valid, 2, MidpointRounding.AwayFromZero);
}
