namespace Build.Core;

/// <summary>
/// The <c>CI</c> variable that CI systems set (GitHub Actions, Jenkins pipelines by convention, most others): set and not
/// "false" means this run is a CI job. It changes defaults only (<c>--vuln-scan</c>), never what the build checks.
/// </summary>
public static class CiVariable
{
    public const string Name = "CI";

    /// <summary>Whether the variable's value says this is a CI job.</summary>
    public static bool IsSet(string? value) => value is { Length: > 0 } && !value.Equals("false", StringComparison.OrdinalIgnoreCase);
}
