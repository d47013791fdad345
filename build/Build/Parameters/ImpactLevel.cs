namespace Build.Parameters;

/// <summary>axe-core's impact of a violation, ordered from least to most severe.</summary>
public enum ImpactLevel
{
    Minor = 1,
    Moderate = 2,
    Serious = 3,
    Critical = 4,
}
