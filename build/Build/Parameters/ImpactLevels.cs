namespace Build.Parameters;

/// <summary>The impact names axe-core uses (lower case), and their mapping to <see cref="ImpactLevel"/>.</summary>
public static class ImpactLevels
{
    public static readonly IReadOnlyList<string> Names = ["minor", "moderate", "serious", "critical"];

    public static string Name(this ImpactLevel level) => Names[(int)level - 1];

    /// <summary>Reads an axe impact name; null or unknown (axe leaves it empty on some results) counts as minor.</summary>
    public static ImpactLevel Parse(string? name) => name?.ToUpperInvariant() switch
    {
        "CRITICAL" => ImpactLevel.Critical,
        "SERIOUS" => ImpactLevel.Serious,
        "MODERATE" => ImpactLevel.Moderate,
        _ => ImpactLevel.Minor,
    };
}
