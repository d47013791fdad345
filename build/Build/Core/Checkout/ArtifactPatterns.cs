using System.IO.Enumeration;

namespace Build.Core.Checkout;

/// <summary>Patterns of files in the artifacts folder that outlive a run: relative paths with '/'; * matches within one name.</summary>
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
            && parts.Zip(wanted).All(pair => FileSystemName.MatchesSimpleExpression(pair.Second, pair.First, ignoreCase: false));
    }

    public static bool MatchesAny(string relative, IEnumerable<string> patterns) => patterns.Any(pattern => Matches(relative, pattern));
}
