namespace Build.Checkout;

/// <summary>Patterns of files in the artifacts folder that outlive a run: relative paths with '/', where * is one folder name.</summary>
public static class ArtifactPatterns
{
    /// <summary>The copy of errored.tfstate Apply keeps when terraform could not save its state: the only one once Plan re-copies the module.</summary>
    public const string RescuedTerraformState = "terraform/*/errored.tfstate";

    public static bool Matches(string relative, string pattern)
    {
        ArgumentNullException.ThrowIfNull(relative);
        ArgumentNullException.ThrowIfNull(pattern);
        var parts = relative.Split('/');
        var wanted = pattern.Split('/');
        return parts.Length == wanted.Length
            && parts.Zip(wanted).All(pair => pair.Second == "*" || pair.First.Equals(pair.Second, StringComparison.Ordinal));
    }

    public static bool MatchesAny(string relative, IEnumerable<string> patterns) => patterns.Any(pattern => Matches(relative, pattern));
}
