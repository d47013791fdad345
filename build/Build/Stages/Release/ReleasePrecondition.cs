using Build.Core;
using Build.Core.Versioning;
using Build.Parameters;
using Build.Tools.Git;
using Cake.Core;

namespace Build.Stages.Release;

/// <summary>
/// Everything a release must be, checked before anything runs, each refusal one line: a version that can be read
/// (exit 2), then a full clone with a clean tree on the release branch, HEAD already on origin's copy of it, a tag
/// that exists neither here nor on origin, and a version above every existing <c>v*</c> tag (exit 1). What passes
/// is the <see cref="Plan"/> the task tags.
/// </summary>
public sealed class ReleasePrecondition : StagePrecondition<ReleaseTask>
{
    public const string Remote = "origin";

    private ReleasePlan? _plan;

    /// <summary>Gets what this run releases.</summary>
    public ReleasePlan Plan => _plan ?? throw new InvalidOperationException("No release was planned: Release's precondition plans it before Setup.");

    public override void Refuse(BuildContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var release = context.Parameters.Release;
        if (context.Parameters.VersionOverride is { } text)
        {
            if (release.BumpGiven)
            {
                throw UsageError.Of($"--{ArgumentNames.Version} {text} and --{ArgumentNames.Bump} {release.Bump} both say what to release: give one of them.");
            }

            if (!TryReadVersion(text, out var version) || version.BuildMetadata.Length > 0)
            {
                throw UsageError.Of($"Invalid --{ArgumentNames.Version} '{text}' for a release: use X.Y.Z or X.Y.Z-pre, such as 1.4.0 or 1.4.0-rc.1 (no +build metadata).");
            }
        }
    }

    public override Task PrepareAsync(BuildContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        _plan = PlanRelease(new GitRepository(context.Paths.Root.FullPath), context.Parameters.Release, context.Parameters.VersionOverride);
        return Task.CompletedTask;
    }

    /// <summary>Checks the repository and works out the release, or throws the one-line reason it cannot be made.</summary>
    public static ReleasePlan PlanRelease(GitRepository git, ReleaseParameters release, string? versionOverride)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(release);
        if (!git.IsRepository())
        {
            throw Refusal("this is not a git repository.");
        }

        if (git.IsShallow())
        {
            throw Refusal("this is a shallow clone, so earlier tags and commits may be missing; run git fetch --unshallow --tags (GitHub Actions: actions/checkout with fetch-depth: 0).");
        }

        if (git.IsDirty())
        {
            throw Refusal("the working tree has uncommitted changes (git status lists them); a release tags a commit, so commit or stash them.");
        }

        var branch = git.CurrentBranch();
        if (branch != release.Branch)
        {
            throw Refusal($"HEAD is {(branch is null ? "detached" : $"on branch {branch}")}, not on the release branch {release.Branch}; git switch {release.Branch} (or pass --{ArgumentNames.ReleaseBranch}).");
        }

        if (!git.Remotes().Contains(Remote, StringComparer.Ordinal))
        {
            throw Refusal($"this repository has no remote '{Remote}' to push the tag to and check the branch against (git remote -v).");
        }

        if (git.Fetch(Remote) is { } fetchError)
        {
            throw Refusal($"git fetch --tags {Remote} failed: {fetchError}");
        }

        var head = git.HeadSha() ?? throw Refusal("HEAD names no commit.");
        var remoteBranch = $"{Remote}/{release.Branch}";
        if (git.Resolve(remoteBranch) is null || !git.IsAncestor(head, remoteBranch))
        {
            throw Refusal($"HEAD {head[..Math.Min(12, head.Length)]} is not on {remoteBranch} yet; git push {Remote} {release.Branch} first, so the tag names a commit everyone has.");
        }

        var remoteTags = git.RemoteTags(Remote, out var lsRemoteError) ?? throw Refusal($"git ls-remote --tags {Remote} failed: {lsRemoteError}");
        var localTags = git.Tags(VersionCalculator.TagPrefix + "*");
        var existing = remoteTags.Concat(localTags)
            .Where(tag => tag.StartsWith(VersionCalculator.TagPrefix, StringComparison.Ordinal))
            .Select(tag => TryReadVersion(tag, out var version) ? (Tag: tag, Version: version) : default)
            .Where(entry => entry.Tag is not null)
            .ToList();
        (string Tag, SemanticVersion Version)? highest = existing.Count == 0
            ? null
            : existing.Aggregate((best, next) => SemVerPrecedence.Compare(next.Version, best.Version) > 0 ? next : best);

        var previousTag = git.NearestTag(VersionCalculator.TagPrefix + "[0-9]*.[0-9]*.[0-9]*");
        var commits = git.Log(previousTag is null ? "HEAD" : $"{previousTag}..HEAD");
        SemanticVersion next;
        if (versionOverride is not null)
        {
            _ = TryReadVersion(versionOverride, out next);
        }
        else
        {
            if (commits.Count == 0)
            {
                throw Refusal($"there is nothing to release: no commits since {previousTag}.");
            }

            next = ReleaseBump.Next(highest?.Version ?? new SemanticVersion(0, 0, 0), release.Bump, commits.Select(ConventionalCommit.Classify));
        }

        var tag = VersionCalculator.TagPrefix + next.ToShortString();
        if (remoteTags.Contains(tag, StringComparer.Ordinal))
        {
            throw Refusal($"the tag {tag} already exists on {Remote} (git ls-remote --tags {Remote}); choose another version.");
        }

        if (localTags.Contains(tag, StringComparer.Ordinal))
        {
            throw Refusal($"the tag {tag} already exists in this repository (git tag --list {tag}); choose another version, or delete the local tag if it was never published.");
        }

        if (highest is { } top && SemVerPrecedence.Compare(next, top.Version) <= 0)
        {
            throw Refusal($"{next.ToShortString()} is not greater than the existing release {top.Tag}; a release must be newer than every v* tag.");
        }

        return new ReleasePlan(next, tag, head, Remote, ReleaseNotes.Of(tag, previousTag, commits));
    }

    private static bool TryReadVersion(string text, out SemanticVersion version) =>
        SemanticVersion.TryParse(text.StartsWith(VersionCalculator.TagPrefix, StringComparison.Ordinal) ? text[VersionCalculator.TagPrefix.Length..] : text, out version);

    private static CakeException Refusal(string reason) => new($"Release refused: {reason}");
}
