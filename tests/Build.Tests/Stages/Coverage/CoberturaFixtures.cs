namespace Build.Tests.Stages.Coverage;

internal static class CoberturaFixtures
{
    /// <summary>What coverlet.collector 6.0.4 really wrote for the throwaway Sample.Calculator project.</summary>
    public static string Coverlet { get; } = Fixture("coverlet.cobertura.xml");

    /// <summary>Hand-written in ReportGenerator's merged shape: App (71.3% / 55%) and App.Infrastructure, with count attributes.</summary>
    public static string Merged { get; } = Fixture("merged.cobertura.xml");

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "reports", name);
}
