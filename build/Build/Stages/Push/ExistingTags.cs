using Build.Parameters;
using Build.Stages.Image;
using Cake.Core;

namespace Build.Stages.Push;

/// <summary>
/// The rule every push and promotion keeps, whatever the registry: a tag that already exists must hold this very
/// image, and all of them one manifest. Anything else is refused before a single tag is written, so a release never
/// half-overwrites another. (ECR's IMMUTABLE setting would refuse too, but only after the first tag went up; a
/// MUTABLE repository, or the local registry, would silently move the tag.)
/// One exception, which moves nothing: the commit tag (<c>&lt;sha12&gt;</c>) names the first image of its commit a
/// repository received. When it holds another image of the same commit (a release tag on a commit main already
/// pushed: the version differs, so the image does), it is kept as it is and this image gets its version tag only.
/// </summary>
public static class ExistingTags
{
    /// <summary>Checks each tag of a build through <paramref name="lookup"/> (null: the tag does not exist).</summary>
    public static Task<TagCheck> CheckAsync(
        ImageBuildResult image, string repositoryUrl, Func<string, CancellationToken, Task<StoredTag?>> lookup, CancellationToken cancellation) =>
        CheckAsync(image, repositoryUrl, lookup, replacing: null, cancellation);

    /// <summary>
    /// Like <see cref="CheckAsync(ImageBuildResult, string, Func{string, CancellationToken, Task{StoredTag}}, CancellationToken)"/>,
    /// but a tag holding another image is handed to <paramref name="replacing"/> (and counts as missing, so it is pushed
    /// over) instead of being refused: for this machine's own registry only, where rebuilding a commit is the daily loop.
    /// </summary>
    public static Task<TagCheck> CheckAsync(
        ImageBuildResult image, string repositoryUrl, Func<string, CancellationToken, Task<StoredTag?>> lookup, Action<string, StoredTag>? replacing, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(image);
        var subject = new Subject(image.Tags, CommitTagOf(image), stored => stored.ConfigDigest == image.Id, $"config {Short(image.Id)}");
        return CheckAsync(subject, repositoryUrl, lookup, replacing, cancellation);
    }

    /// <summary>Checks the tags a copy of the manifest <paramref name="digest"/> would get (a promotion).</summary>
    public static Task<TagCheck> CheckAsync(
        string digest, IReadOnlyList<string> tags, string? commitTag, string repositoryUrl, Func<string, CancellationToken, Task<StoredTag?>> lookup, CancellationToken cancellation) =>
        CheckAsync(new Subject(tags, commitTag, stored => stored.Digest == digest, $"digest {Short(digest)}"), repositoryUrl, lookup, replacing: null, cancellation);

    /// <summary>The tag naming the image's commit (its revision label's first 12 characters), when the image has one.</summary>
    public static string? CommitTagOf(ImageBuildResult image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Labels.GetValueOrDefault(OciLabels.Revision) is { Length: >= 12 } revision && image.Tags.Contains(revision[..12]) ? revision[..12] : null;
    }

    private static async Task<TagCheck> CheckAsync(
        Subject subject, string repositoryUrl, Func<string, CancellationToken, Task<StoredTag?>> lookup, Action<string, StoredTag>? replacing, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        string? digest = null;
        var present = new List<string>();
        var kept = new List<string>();
        foreach (var tag in subject.Tags)
        {
            if (await lookup(tag, cancellation).ConfigureAwait(false) is not { } existing)
            {
                continue;
            }

            if (!subject.Holds(existing) && replacing is not null)
            {
                replacing(tag, existing);
                continue;
            }

            if (!subject.Holds(existing) && tag == subject.CommitTag)
            {
                kept.Add(tag);
                continue;
            }

            if (!subject.Holds(existing))
            {
                throw new CakeException(
                    $"{repositoryUrl}:{tag} already exists with digest {existing.Digest}, a different image (config {Short(existing.ConfigDigest)}, this one {subject.Description}); "
                    + $"pushed tags are never overwritten: commit your change (the version moves with the commit) or pass another --{ArgumentNames.Version}.");
            }

            if (digest is not null && digest != existing.Digest)
            {
                throw new CakeException($"{repositoryUrl} holds this image under two manifests ({digest}, {existing.Digest}); tag {tag} is ambiguous: check the repository.");
            }

            present.Add(tag);
            digest = existing.Digest;
        }

        if (kept.Count == subject.Tags.Count)
        {
            throw new CakeException($"{repositoryUrl}:{kept[0]} holds another image of this commit and the image has no other tag: pass a --{ArgumentNames.Version} of its own.");
        }

        return new TagCheck(digest, present, kept, [.. subject.Tags.Except(kept, StringComparer.Ordinal)]);
    }

    private static string Short(string? digest) => digest is { Length: > 19 } ? digest[..19] : digest ?? "none";

    /// <summary>What a registry holds under a tag: the manifest digest and the image config digest it names.</summary>
    public sealed record StoredTag(string Digest, string? ConfigDigest);

    /// <summary>
    /// The outcome: the digest the present tags hold (null when none exists), those tags, the commit tag kept on
    /// another image of the commit, and the tags this image ends up with (all but the kept one).
    /// </summary>
    public sealed record TagCheck(string? Digest, IReadOnlyList<string> Present, IReadOnlyList<string> Kept, IReadOnlyList<string> Tags)
    {
        /// <summary>Gets the tags still to write.</summary>
        public IReadOnlyList<string> Missing => [.. Tags.Except(Present, StringComparer.Ordinal)];

        public string? KeptWarning(string repositoryUrl) =>
            Kept.Count == 0
                ? null
                : $"{repositoryUrl}:{Kept[0]} keeps the image it holds (an earlier build of this commit, e.g. main's before the release tag); this one is tagged {string.Join(", ", Tags)} only. Deploys use the digest, so nothing changes for them.";
    }

    private sealed record Subject(IReadOnlyList<string> Tags, string? CommitTag, Func<StoredTag, bool> Holds, string Description);
}
