using Build.Parameters;

namespace Build.Stages.Accessibility;

/// <summary>One element on one page that breaks one axe rule.</summary>
/// <param name="Rule">The axe rule id, e.g. <c>image-alt</c>.</param>
/// <param name="Impact">The impact axe gives this element (falls back to the rule's).</param>
/// <param name="PageUrl">The absolute URL of the page.</param>
/// <param name="Page">The page's path and query (what baseline entries and SARIF locations use), e.g. <c>/about</c>.</param>
/// <param name="Selector">axe's CSS selector of the element (frames and shadow roots joined by axe).</param>
/// <param name="Html">The element's HTML as axe reports it.</param>
/// <param name="Help">The rule's one-line help text.</param>
/// <param name="HelpUrl">The rule's documentation.</param>
/// <param name="Tags">The rule's tags (WCAG criteria).</param>
public sealed record AccessibilityViolation(
    string Rule,
    ImpactLevel Impact,
    Uri PageUrl,
    string Page,
    string Selector,
    string Html,
    string Help,
    string HelpUrl,
    IReadOnlyList<string> Tags);
