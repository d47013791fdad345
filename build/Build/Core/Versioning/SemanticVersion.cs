using System.Globalization;
using System.Text.RegularExpressions;

namespace Build.Core.Versioning;

/// <summary>A SemVer 2.0 version: MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD].</summary>
public sealed partial record SemanticVersion(int Major, int Minor, int Patch, string PreRelease = "", string BuildMetadata = "")
{
    public bool IsPreRelease => PreRelease.Length > 0;

    public static bool TryParse(string text, out SemanticVersion version)
    {
        var match = Pattern().Match(text);
        if (!match.Success
            || !TryNumber(match.Groups["major"].Value, out var major)
            || !TryNumber(match.Groups["minor"].Value, out var minor)
            || !TryNumber(match.Groups["patch"].Value, out var patch))
        {
            version = new SemanticVersion(0, 0, 0);
            return false;
        }

        version = new SemanticVersion(major, minor, patch, match.Groups["pre"].Value, match.Groups["build"].Value);
        return true;
    }

    public SemanticVersion WithoutMetadata() => this with { BuildMetadata = "" };

    /// <summary>The version with pre-release but without build metadata (what packages and tags carry).</summary>
    public string ToShortString() =>
        $"{Major}.{Minor}.{Patch}" + (IsPreRelease ? "-" + PreRelease : "");

    public override string ToString() =>
        ToShortString() + (BuildMetadata.Length > 0 ? "+" + BuildMetadata : "");

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    // From semver.org's recommended expression: no leading zeros, dot-separated identifiers.
    [GeneratedRegex(@"^(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<pre>(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+(?<build>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
