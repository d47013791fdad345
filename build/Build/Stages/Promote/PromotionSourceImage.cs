using Build.Core;
using Build.Core.Versioning;
using Build.Stages.Image;
using Build.Stages.Push;
using Build.Tools.Aws.Ecr;
using Build.Tools.Registry;
using Cake.Core;

namespace Build.Stages.Promote;

/// <summary>
/// The image a promotion copies: the source environment's record of this commit (pushed-&lt;env&gt;.json), else the
/// image its repository holds under this commit's version tag; its manifest, and the labels that must show it was
/// built from this very commit with a clean tree (revision label = HEAD, no <c>-dirty</c>).
/// </summary>
public sealed record PromotionSourceImage(string Digest, string Reference, ImageManifest Manifest, string? Version, string ImageId)
{
    public static async Task<PromotionSourceImage> FindAsync(BuildContext context, EcrSession source, RegistryApi registry, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(registry);
        var version = context.BuildVersion;
        var environment = source.Environment.Name;
        var repository = source.Repository;
        var digest = await DigestAsync(context, source, version, cancellation).ConfigureAwait(false);
        var manifest = await registry.FindManifestAsync(repository.Name, digest, cancellation).ConfigureAwait(false)
            ?? throw new CakeException($"ECR lists {repository.Uri}@{digest} but its registry does not serve it: check the repository.");
        var config = await ConfigOfAsync(registry, repository.Name, manifest, cancellation).ConfigureAwait(false);
        var labels = await registry.ReadLabelsAsync(repository.Name, config, cancellation).ConfigureAwait(false);
        var reference = $"{repository.Uri}@{digest}";
        var revision = labels.GetValueOrDefault(OciLabels.Revision);
        if (revision is null)
        {
            throw new CakeException($"{reference} has no {OciLabels.Revision} label, so nothing says which commit it was built from: it cannot be promoted.");
        }

        if (revision.EndsWith(OciLabels.DirtySuffix, StringComparison.Ordinal))
        {
            throw new CakeException($"{reference} in {environment} was built from a tree with uncommitted changes (revision {revision}): only an image a commit describes is promoted; build and push the commit.");
        }

        if (revision != version.Commit)
        {
            throw new CakeException($"{reference} in {environment} was built from commit {Short(revision)}, not from HEAD {version.ShortCommit}: check out {Short(revision)} to promote it, or deploy this commit to {environment} first.");
        }

        return new PromotionSourceImage(digest, reference, manifest, labels.GetValueOrDefault(OciLabels.Version), config.Digest);
    }

    private static async Task<string> DigestAsync(BuildContext context, EcrSession source, BuildVersion version, CancellationToken cancellation)
    {
        var environment = source.Environment.Name;
        if (PushedImageFile.Read(context.Paths, environment) is { } recorded && recorded.Commit == version.Commit)
        {
            return await source.Client.DescribeImageAsync(source.Repository.Name, EcrImageId.ByDigest(recorded.Digest), cancellation).ConfigureAwait(false) is not null
                ? recorded.Digest
                : throw new CakeException($"artifacts/image/pushed-{environment}.json records {recorded.Reference}, but {source.Repository.Uri} no longer holds it (an ECR lifecycle rule may have expired it): push this commit to {environment} again.");
        }

        var tagged = await source.Client.DescribeImageAsync(source.Repository.Name, EcrImageId.ByTag(version.Version), cancellation).ConfigureAwait(false);
        return tagged?.Digest
            ?? throw new CakeException(
                $"{source.Repository.Uri} holds no image tagged {version.Version} (this commit's version) and no push of commit {version.ShortCommit} to {environment} is recorded here: "
                + $"deploy this commit to {environment} first (./build.sh --target Deploy --environment {environment}), or check out the commit {environment} runs.");
    }

    // An index (several platforms) names its platforms' manifests; their labels are the same build's, so the first one's config speaks for it.
    private static async Task<BlobDescriptor> ConfigOfAsync(RegistryApi registry, string repository, ImageManifest manifest, CancellationToken cancellation)
    {
        if (manifest.Config is { } config)
        {
            return config;
        }

        var first = await registry.FindManifestAsync(repository, manifest.Children[0].Digest, cancellation).ConfigureAwait(false);
        return first?.Config ?? throw new CakeException($"{repository}@{manifest.Digest} is an index whose first manifest has no config: it cannot be promoted.");
    }

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
