namespace Cake.Frosting.Internal;

/// <summary>
/// How people start the build, for the help text and usage errors: the bootstrap script names itself in
/// <see cref="Variable"/> (<c>./build.sh</c>, <c>./build.ps1</c>); started any other way the build is "build".
/// The host takes the variable when it starts and removes it, so the processes the build starts (a test run that
/// starts the build again) never inherit a name that is not theirs.
/// </summary>
internal static class ScriptName
{
    public const string Variable = "BUILD_SCRIPT_NAME";

    private const string Fallback = "build";

    private static string? _taken;

    public static string Current => _taken ?? Fallback;

    public static string Of(string? variable) => string.IsNullOrWhiteSpace(variable) ? Fallback : variable.Trim();

    /// <summary>Reads and removes <see cref="Variable"/>; without it the name stays what it was.</summary>
    public static void Take()
    {
        var variable = Environment.GetEnvironmentVariable(Variable);
        if (variable is not null)
        {
            _taken = Of(variable);
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }
}
