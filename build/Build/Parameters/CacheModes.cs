using Build.Core;

namespace Build.Parameters;

/// <summary>The values of <c>--cache</c>: whether stages whose inputs are unchanged since they last succeeded are skipped.</summary>
public static class CacheModes
{
    public const string Auto = "auto";
    public const string On = "on";
    public const string Off = "off";

    public static IReadOnlyList<string> All { get; } = [Auto, On, Off];

    /// <summary>On or off: auto skips locally and runs everything on CI (a CI job proves the commit, it does not trust a cache).</summary>
    public static string Resolve(string mode, bool noCache, bool onCi)
    {
        if (noCache && mode == On)
        {
            throw UsageError.Of($"--{ArgumentNames.NoCache} and --{ArgumentNames.Cache} {On} contradict each other: give one.");
        }

        return noCache || mode == Off || (mode == Auto && onCi) ? Off : On;
    }
}
