namespace Build.Stages.Coverage;

/// <summary>The verdict of a <see cref="CoverageThreshold"/>: actual against required, and a one-line message.</summary>
/// <param name="Threshold">The threshold that was checked.</param>
/// <param name="Actual">The package's coverage; null when the report has no such package (which fails).</param>
/// <param name="Passed">Whether both percentages reach the threshold.</param>
/// <param name="Message">One line for the build log, e.g. "Coverage of App is below the threshold: line 71.3% (required 80%), ...".</param>
public sealed record CoverageThresholdResult(CoverageThreshold Threshold, PackageCoverage? Actual, bool Passed, string Message)
{
    public bool PackageFound => Actual is not null;

    public decimal RequiredLinePercent => Threshold.LinePercent;

    public decimal RequiredBranchPercent => Threshold.BranchPercent;

    public decimal? ActualLinePercent => Actual?.LinePercent;

    public decimal? ActualBranchPercent => Actual?.BranchPercent;
}
