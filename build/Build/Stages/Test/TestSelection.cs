using Build.Parameters;

namespace Build.Stages.Test;

/// <summary>
/// What <c>--tests</c> means to the Test target: <see cref="BuildParameters.AllTests"/> runs everything;
/// <see cref="BuildParameters.UnitTests"/> leaves out the tests that need an external component (a Docker engine, a
/// registry, Chromium, shellcheck, terraform, docker-registry), which carry the xunit trait <see cref="TraitName"/> =
/// <see cref="IntegrationTrait"/>, with a VSTest filter.
/// </summary>
public static class TestSelection
{
    /// <summary>The trait that marks a test needing an external component; Build.Tests' [Integration] attribute sets it.</summary>
    public const string TraitName = "Category";

    public const string IntegrationTrait = "Integration";

    /// <summary>What the report says about a <see cref="BuildParameters.UnitTests"/> run, so that it never passes for the whole suite.</summary>
    public const string UnitOnly = $"unit only (integration tests not run: --{ArgumentNames.Tests} {BuildParameters.UnitTests})";

    /// <summary>The <c>dotnet test --filter</c> expression of a selection; null: no filter, every test runs.</summary>
    public static string? Filter(string selection) =>
        selection == BuildParameters.UnitTests ? $"{TraitName}!={IntegrationTrait}" : null;
}
