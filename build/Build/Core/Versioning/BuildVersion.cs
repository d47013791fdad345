namespace Build.Core.Versioning;

/// <summary>Where a build version came from.</summary>
public enum VersionSource
{
    Tag,
    Height,
    Override,
    NoRepository,
}

/// <summary>The version of this build and the facts it was derived from.</summary>
public sealed record BuildVersion(
    SemanticVersion SemVer,
    string Commit,
    int Height,
    string? Tag,
    VersionSource Source,
    bool IsShallowClone,
    bool IsDirty)
{
    /// <summary>The commit of a build outside a git repository.</summary>
    public const string UnknownCommit = "unknown";

    /// <summary>Gets a value indicating whether a git commit identifies what is built.</summary>
    public bool HasCommit => Commit != UnknownCommit;

    /// <summary>Gets the version without build metadata, e.g. 1.2.4-alpha.0.3.</summary>
    public string Version => SemVer.ToShortString();

    /// <summary>Gets the version plus the commit (and ".dirty" for uncommitted changes) as build metadata.</summary>
    public string InformationalVersion => $"{Version}+{ShortCommit}{(IsDirty ? ".dirty" : "")}";

    public string ShortCommit => Commit.Length > 12 ? Commit[..12] : Commit;

    /// <summary>Gets a value indicating whether HEAD is exactly on a release tag (no pre-release).</summary>
    public bool IsTaggedRelease => Source == VersionSource.Tag && !SemVer.IsPreRelease && !IsDirty;
}
