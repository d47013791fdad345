using System.Globalization;

namespace Build.Stages.Accessibility;

/// <summary>
/// A known violation the team accepted for a while: the rule on one element of one page, with the reason and the
/// last day it is accepted (inclusive).
/// </summary>
public sealed record BaselineEntry(string Rule, string Page, string Selector, string Reason, DateOnly Expires)
{
    public bool Matches(AccessibilityViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return string.Equals(violation.Rule, Rule, StringComparison.Ordinal)
            && string.Equals(violation.Page, Page, StringComparison.Ordinal)
            && string.Equals(violation.Selector, Selector, StringComparison.Ordinal);
    }

    public bool IsExpiredOn(DateOnly today) => today > Expires;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Rule} on {Page} at '{Selector}' (expires {Expires:yyyy-MM-dd}: {Reason})");
}
