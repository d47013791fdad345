using System.Globalization;
using Build.Parameters;

namespace Build.Stages.Accessibility;

/// <summary>The gate's verdict on one run: every violation judged, and the baseline entries that matched nothing.</summary>
public sealed record GateResult(ImpactLevel Threshold, IReadOnlyList<JudgedViolation> Violations, IReadOnlyList<BaselineEntry> Stale)
{
    public IReadOnlyList<JudgedViolation> Failures => [.. Violations.Where(violation => violation.Fails)];

    public bool Passed => !Violations.Any(violation => violation.Fails);

    public int Count(ViolationStatus status) => Violations.Count(violation => violation.Status == status);

    /// <summary>The one line that closes the run: what failed and how many, or why it passed.</summary>
    public string Message
    {
        get
        {
            var threshold = Threshold.Name();
            if (Passed)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"Accessibility passed: no violation at or above {threshold} ({Violations.Count} reported in all, {Count(ViolationStatus.Accepted)} accepted by the baseline).");
            }

            var failures = Failures;
            var rules = string.Join(", ", failures.Select(failure => failure.Violation.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            var pages = failures.Select(failure => failure.Violation.Page).Distinct(StringComparer.Ordinal).Count();
            var expired = Count(ViolationStatus.Expired) > 0 ? $", {Count(ViolationStatus.Expired)} of them with an expired baseline entry" : "";
            return string.Create(CultureInfo.InvariantCulture,
                $"Accessibility failed: {failures.Count} violation(s) at or above {threshold} on {pages} page(s){expired}: {rules}.");
        }
    }
}
