using Build.Core;

namespace Build.Parameters;

/// <summary>The parameters of the Accessibility target, validated with the others before anything runs.</summary>
/// <param name="Url">A running site to check instead of starting the freshly built service.</param>
/// <param name="MaxPages">The most URLs the crawl opens (the start page and listed paths are always opened).</param>
/// <param name="Threshold">The least impact that fails the gate.</param>
/// <param name="Paths">Paths to check besides what the crawl finds.</param>
/// <param name="BrowserPath">The browser executable, when given on the command line.</param>
public sealed record AccessibilityParameters(Uri? Url, int MaxPages, ImpactLevel Threshold, IReadOnlyList<string> Paths, string? BrowserPath)
{
    public const int DefaultMaxPages = 20;
    public const int MostPages = 1000;
    public const ImpactLevel DefaultThreshold = ImpactLevel.Serious;

    public static AccessibilityParameters Default { get; } = new(null, DefaultMaxPages, DefaultThreshold, [], null);

    public static AccessibilityParameters Parse(ArgumentReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new AccessibilityParameters(
            ReadUrl(reader),
            reader.Number(ParameterTable.AccessibilityMaxPages),
            ImpactLevels.Parse(reader.Choice(ParameterTable.AccessibilityImpact)),
            ReadPaths(reader),
            reader.Text(ParameterTable.BrowserPath));
    }

    private static Uri? ReadUrl(ArgumentReader reader)
    {
        var value = reader.Text(ParameterTable.AccessibilityUrl);
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw UsageError.Of($"Invalid --{ArgumentNames.AccessibilityUrl} '{value}': use an absolute http(s) URL, e.g. http://127.0.0.1:8080/.");
    }

    private static IReadOnlyList<string> ReadPaths(ArgumentReader reader)
    {
        var value = reader.Text(ParameterTable.AccessibilityPaths);
        if (value is null)
        {
            return [];
        }

        return SitePaths.TryParseList(value, out var problem)
            ?? throw UsageError.Of($"Invalid --{ArgumentNames.AccessibilityPaths} '{value}': {problem}; write comma-separated paths, e.g. /about,/contact.");
    }
}
