namespace Build.Stages.Accessibility;

/// <summary>A scanned page and the links it holds (as the browser resolved them), for the crawler to follow.</summary>
public sealed record PageVisit(PageScan Scan, IReadOnlyList<string> Links);
