using Build.Parameters;
using Build.Tools.Git;
namespace Build.Core.Versioning;

/// <summary>
/// SemVer from git, after MinVer's rules: on a <c>vX.Y.Z</c> tag the version is the tag; after an RTM tag it is
/// the next patch with <c>-alpha.0.HEIGHT</c>; after a pre-release tag it is the tag with <c>.HEIGHT</c> appended;
/// with no tag it is <c>0.0.0-alpha.0.HEIGHT</c>. Several tags on one commit: the highest version wins.
/// </summary>
public sealed class VersionCalculator(GitRepository git)
{
    public const string TagPrefix = "v";
    private const string TagPattern = TagPrefix + "[0-9]*.[0-9]*.[0-9]*";
    private const string DefaultPreRelease = "alpha.0";

    public BuildVersion Calculate(string? versionOverride)
    {
        if (!git.IsRepository())
        {
            return FromOverrideOr(versionOverride, new BuildVersion(new SemanticVersion(0, 0, 0, DefaultPreRelease), BuildVersion.UnknownCommit, 0, null, VersionSource.NoRepository, false, false));
        }

        var commit = git.HeadSha() ?? BuildVersion.UnknownCommit;
        var shallow = git.IsShallow();
        var dirty = git.IsDirty();
        var computed = FromTags(commit, shallow, dirty);
        return FromOverrideOr(versionOverride, computed);
    }

    private BuildVersion FromTags(string commit, bool shallow, bool dirty)
    {
        var description = git.Describe(TagPattern);
        if (description is null || !TryParseDescription(description, out var tag, out var height, out var tagVersion))
        {
            var count = git.CommitCount("HEAD");
            return new BuildVersion(new SemanticVersion(0, 0, 0, $"{DefaultPreRelease}.{count}"), commit, count, null, VersionSource.Height, shallow, dirty);
        }

        if (height == 0)
        {
            (tag, tagVersion) = HighestTagAt(commit, tag, tagVersion);
            return new BuildVersion(tagVersion.WithoutMetadata(), commit, 0, tag, VersionSource.Tag, shallow, dirty);
        }

        var version = tagVersion.IsPreRelease
            ? tagVersion with { PreRelease = $"{tagVersion.PreRelease}.{height}", BuildMetadata = "" }
            : new SemanticVersion(tagVersion.Major, tagVersion.Minor, tagVersion.Patch + 1, $"{DefaultPreRelease}.{height}");
        return new BuildVersion(version, commit, height, tag, VersionSource.Height, shallow, dirty);
    }

    private (string Tag, SemanticVersion Version) HighestTagAt(string commit, string tag, SemanticVersion version)
    {
        foreach (var candidate in git.TagsPointingAt(commit, TagPattern))
        {
            if (SemanticVersion.TryParse(candidate[TagPrefix.Length..], out var candidateVersion)
                && SemVerPrecedence.Compare(candidateVersion, version) > 0)
            {
                (tag, version) = (candidate, candidateVersion);
            }
        }

        return (tag, version);
    }

    private static BuildVersion FromOverrideOr(string? versionOverride, BuildVersion computed)
    {
        if (versionOverride is null)
        {
            return computed;
        }

        var text = versionOverride.StartsWith(TagPrefix, StringComparison.Ordinal) ? versionOverride[TagPrefix.Length..] : versionOverride;
        return SemanticVersion.TryParse(text, out var version)
            ? computed with { SemVer = version.WithoutMetadata(), Source = VersionSource.Override }
            : throw UsageError.Of($"Invalid --{ArgumentNames.Version} '{versionOverride}': use a SemVer 2.0 version such as 1.4.0 or 1.4.0-rc.1.");
    }

    /// <summary>Parses <c>git describe --long</c> output: TAG-HEIGHT-gSHA (the tag itself may contain dashes).</summary>
    private static bool TryParseDescription(string description, out string tag, out int height, out SemanticVersion version)
    {
        var shaDash = description.LastIndexOf("-g", StringComparison.Ordinal);
        var heightDash = shaDash > 0 ? description.LastIndexOf('-', shaDash - 1) : -1;
        tag = heightDash > 0 ? description[..heightDash] : "";
        height = 0;
        version = new SemanticVersion(0, 0, 0);
        return heightDash > 0
            && int.TryParse(description[(heightDash + 1)..shaDash], System.Globalization.CultureInfo.InvariantCulture, out height)
            && SemanticVersion.TryParse(tag[TagPrefix.Length..], out version);
    }
}
