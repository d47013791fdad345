namespace Build.Stages.Accessibility;

/// <summary>What to scan and how: a running site (<paramref name="Url"/>) or a built service to start (<paramref name="AppDll"/>).</summary>
/// <param name="Url">A running site; when null, <paramref name="AppDll"/> is started on a free loopback port.</param>
/// <param name="AppDll">The service's built assembly.</param>
/// <param name="WebRoot">The service's static files, when its build output has none.</param>
/// <param name="Browser">The browser executable.</param>
/// <param name="MaxPages">The crawl's page bound.</param>
/// <param name="Paths">Paths opened besides the start page and what the crawl finds.</param>
/// <param name="HealthTimeout">How long the service may take to answer /health.</param>
/// <param name="PageTimeout">How long one page may take to load.</param>
public sealed record ScanRequest(
    Uri? Url,
    string? AppDll,
    string? WebRoot,
    string Browser,
    int MaxPages,
    IReadOnlyList<string> Paths,
    TimeSpan HealthTimeout,
    TimeSpan PageTimeout);
