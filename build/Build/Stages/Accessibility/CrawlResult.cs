namespace Build.Stages.Accessibility;

/// <summary>The pages a crawl opened, in order, and how many same-origin links the page bound left unopened.</summary>
public sealed record CrawlResult(IReadOnlyList<PageScan> Pages, int NotVisited);
