namespace Build.Stages.Test;

/// <summary>
/// Which tests the Test target runs (<c>--tests</c>): <see cref="All"/>, the default and what CI runs, or <see cref="Unit"/>,
/// the tests that need nothing but the .NET SDK and git. Tests that need an external component (a Docker engine, a
/// registry, Chromium, shellcheck, terraform, docker-registry) carry the xunit trait <see cref="TraitName"/> =
/// <see cref="IntegrationTrait"/>; <see cref="Unit"/> leaves them out with a VSTest filter.
/// </summary>
public static class TestSelection
{
    public const string All = "all";

    public const string Unit = "unit";

    /// <summary>The trait that marks a test needing an external component; Build.Tests' [Integration] attribute sets it.</summary>
    public const string TraitName = "Category";

    public const string IntegrationTrait = "Integration";

    /// <summary>What the report says about a <see cref="Unit"/> run, so that it never passes for the whole suite.</summary>
    public const string UnitOnly = "unit only (integration tests not run: --tests unit)";

    public static readonly IReadOnlyList<string> Names = [All, Unit];

    /// <summary>The <c>dotnet test --filter</c> expression of a selection; null: no filter, every test runs.</summary>
    public static string? Filter(string selection) =>
        selection == Unit ? $"{TraitName}!={IntegrationTrait}" : null;
}
