using Build.Core.Versioning;
using Build.Parameters;

namespace Build.Stages.Release;

/// <summary>
/// The next release version from the highest existing one. <c>auto</c> takes the largest change among the commits:
/// a breaking change bumps major (minor before 1.0.0), a feature minor, anything else patch. Raising a pre-release
/// drops its pre-release part where that is already the raise (1.0.0-rc.1 + patch = 1.0.0), as semver tools do.
/// </summary>
public static class ReleaseBump
{
    public const string Patch = "patch";
    public const string Minor = "minor";
    public const string Major = "major";

    /// <summary>The part <c>auto</c> raises for these changes, given the version it raises.</summary>
    public static string Auto(SemanticVersion current, IEnumerable<ChangeKind> changes)
    {
        ArgumentNullException.ThrowIfNull(current);
        var kinds = changes.ToHashSet();
        if (kinds.Contains(ChangeKind.Breaking))
        {
            return current.Major == 0 ? Minor : Major;
        }

        return kinds.Contains(ChangeKind.Feature) ? Minor : Patch;
    }

    public static SemanticVersion Next(SemanticVersion current, string bump, IEnumerable<ChangeKind> changes)
    {
        ArgumentNullException.ThrowIfNull(current);
        var part = bump == ReleaseParameters.AutoBump ? Auto(current, changes) : bump;
        var core = new SemanticVersion(current.Major, current.Minor, current.Patch);
        return part switch
        {
            Major when current.IsPreRelease && current is { Minor: 0, Patch: 0 } => core,
            Major => new SemanticVersion(current.Major + 1, 0, 0),
            Minor when current.IsPreRelease && current.Patch == 0 => core,
            Minor => new SemanticVersion(current.Major, current.Minor + 1, 0),
            Patch when current.IsPreRelease => core,
            Patch => new SemanticVersion(current.Major, current.Minor, current.Patch + 1),
            _ => throw new ArgumentOutOfRangeException(nameof(bump), bump, "use auto, patch, minor or major"),
        };
    }
}
