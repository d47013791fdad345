using Build.Parameters;

namespace Build.Stages.Accessibility;

/// <summary>
/// Judges violations against an impact threshold and the baseline (pure). A violation at or above the threshold
/// fails unless an unexpired baseline entry accepts it; an expired entry no longer accepts anything. An entry is
/// stale when its page was scanned and it matched nothing (entries for pages this run did not open are not judged).
/// </summary>
public sealed record ViolationGate(ImpactLevel Threshold, IReadOnlyList<BaselineEntry> Baseline, DateOnly Today)
{
    public GateResult Evaluate(IReadOnlyList<AccessibilityViolation> violations, IReadOnlyCollection<string> scannedPages)
    {
        ArgumentNullException.ThrowIfNull(violations);
        ArgumentNullException.ThrowIfNull(scannedPages);
        var used = new HashSet<BaselineEntry>(ReferenceEqualityComparer.Instance);
        var judged = new List<JudgedViolation>(violations.Count);
        foreach (var violation in violations)
        {
            var entry = Baseline.FirstOrDefault(candidate => candidate.Matches(violation));
            if (entry is not null)
            {
                used.Add(entry);
            }

            judged.Add(new JudgedViolation(violation, Judge(violation, entry), entry));
        }

        var stale = Baseline.Where(entry => !used.Contains(entry) && scannedPages.Contains(entry.Page, StringComparer.Ordinal)).ToList();
        return new GateResult(Threshold, judged, stale);
    }

    private ViolationStatus Judge(AccessibilityViolation violation, BaselineEntry? entry)
    {
        if (entry is not null && !entry.IsExpiredOn(Today))
        {
            return ViolationStatus.Accepted;
        }

        if (violation.Impact < Threshold)
        {
            return ViolationStatus.BelowThreshold;
        }

        return entry is null ? ViolationStatus.Failing : ViolationStatus.Expired;
    }
}
