using Build.Parameters;
using Build.Stages.Image;
using Cake.Core;

namespace Build.Stages.Push;

/// <summary>
/// The rule every push keeps, whatever the registry: a tag that already exists must hold this very image (its
/// config digest is docker's image id), and all of them one manifest. Anything else is refused before a single tag
/// is pushed, so a release never half-overwrites another. (ECR's IMMUTABLE setting would refuse too, but only after
/// the first tag went up; a MUTABLE repository, or the local registry, would silently move the tag.)
/// </summary>
public static class ExistingTags
{
    /// <summary>Checks each tag of <paramref name="image"/> through <paramref name="lookup"/> (null: the tag does not exist).</summary>
    /// <returns>The digest the present tags hold (null when none exists) and those tags.</returns>
    public static Task<(string? Digest, IReadOnlyList<string> Present)> CheckAsync(
        ImageBuildResult image, string repositoryUrl, Func<string, CancellationToken, Task<StoredTag?>> lookup, CancellationToken cancellation) =>
        CheckAsync(image, repositoryUrl, lookup, replacing: null, cancellation);

    /// <summary>
    /// Like <see cref="CheckAsync(ImageBuildResult, string, Func{string, CancellationToken, Task{StoredTag}}, CancellationToken)"/>,
    /// but a tag holding another image is handed to <paramref name="replacing"/> (and counts as missing, so it is pushed
    /// over) instead of being refused: for this machine's own registry only, where rebuilding a commit is the daily loop.
    /// </summary>
    public static async Task<(string? Digest, IReadOnlyList<string> Present)> CheckAsync(
        ImageBuildResult image, string repositoryUrl, Func<string, CancellationToken, Task<StoredTag?>> lookup, Action<string, StoredTag>? replacing, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(lookup);
        string? digest = null;
        var present = new List<string>();
        foreach (var tag in image.Tags)
        {
            if (await lookup(tag, cancellation).ConfigureAwait(false) is not { } existing)
            {
                continue;
            }

            if (existing.ConfigDigest != image.Id && replacing is not null)
            {
                replacing(tag, existing);
                continue;
            }

            if (existing.ConfigDigest != image.Id)
            {
                throw new CakeException(
                    $"{repositoryUrl}:{tag} already exists with digest {existing.Digest}, a different image (config {Short(existing.ConfigDigest)}, this build {Short(image.Id)}); "
                    + $"pushed tags are never overwritten: commit your change (the version moves with the commit) or pass another --{ArgumentNames.Version}.");
            }

            if (digest is not null && digest != existing.Digest)
            {
                throw new CakeException($"{repositoryUrl} holds this image under two manifests ({digest}, {existing.Digest}); tag {tag} is ambiguous: check the repository.");
            }

            present.Add(tag);
            digest = existing.Digest;
        }

        return (digest, present);
    }

    private static string Short(string? digest) => digest is { Length: > 19 } ? digest[..19] : digest ?? "none";

    /// <summary>What a registry holds under a tag: the manifest digest and the image config digest it names.</summary>
    public sealed record StoredTag(string Digest, string? ConfigDigest);
}
