namespace Build.Stages.Accessibility;

/// <summary>What opening one URL gave: the HTTP status, whether axe ran on it, and its violations.</summary>
/// <param name="Url">The URL as requested.</param>
/// <param name="Page">Its path and query, e.g. <c>/about</c>.</param>
/// <param name="Status">The HTTP status of the response, when there was one.</param>
/// <param name="Scanned">False when the response was not an HTML page (JSON, an image) or left the site.</param>
/// <param name="Note">Why the page was not scanned, or a remark such as an error status; null when unremarkable.</param>
/// <param name="Violations">One entry per failing element.</param>
public sealed record PageScan(Uri Url, string Page, int? Status, bool Scanned, string? Note, IReadOnlyList<AccessibilityViolation> Violations)
{
    public static string PathOf(Uri url) => url.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
}
