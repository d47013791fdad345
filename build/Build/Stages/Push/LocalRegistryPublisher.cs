using Build.Parameters;
using Build.Stages.Image;
using Build.Tools.Docker;
using Cake.Core;
using Cake.Core.Diagnostics;

namespace Build.Stages.Push;

/// <summary>
/// Pushes an image to a registry without credentials (the local one on 127.0.0.1): checks that it answers, refuses
/// to overwrite a tag that holds a different image, pushes the missing tags, reads the digest back and returns
/// <c>repository@sha256:...</c> with the compressed size the registry stores.
/// </summary>
public static class LocalRegistryPublisher
{
    public static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(10);

    public const string StartCommand = "docker-registry serve /etc/docker/registry/config.yml (Debian: apt-get install docker-registry; listens on :5000)";

    public static Task<PushedImage> PushAsync(ICakeContext context, ImageBuildResult image, string registry, DockerPushSettings? pushSettings, CancellationToken cancellation) =>
        PushAsync(context, image, registry, pushSettings, TagConflict.Refuse, cancellation);

    public static async Task<PushedImage> PushAsync(ICakeContext context, ImageBuildResult image, string registry, DockerPushSettings? pushSettings, TagConflict onConflict, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(image);
        using var http = new HttpClient { Timeout = HttpTimeout };
        var client = new RegistryClient(http, RegistryClient.AddressOf(registry));
        if (await client.ProbeAsync(cancellation).ConfigureAwait(false) is { } problem)
        {
            throw new CakeException($"No registry answers at {client.BaseAddress}v2/ ({problem}); start one: {StartCommand}, or pass --{ArgumentNames.Registry} host:port.");
        }

        var repository = image.Repository;
        var replacing = onConflict == TagConflict.Replace ? (tag, existing) => WarnReplacing(context, $"{registry}/{repository}:{tag}", existing) : (Action<string, ExistingTags.StoredTag>?)null;
        var check = await ExistingTags.CheckAsync(image, $"{registry}/{repository}", (tag, token) => LookUpAsync(client, repository, tag, token), replacing, cancellation).ConfigureAwait(false);
        if (check.KeptWarning($"{registry}/{repository}") is { } kept)
        {
            context.Log.Warning("{0}", kept);
        }

        var digest = check.Digest;
        foreach (var tag in check.Missing)
        {
            var target = ImageTags.Reference($"{registry}/{repository}", tag);
            context.DockerTag(ImageTags.Reference(repository, tag), target);
            var pushed = context.DockerPush(target, pushSettings);
            if (digest is not null && pushed.Digest != digest)
            {
                throw new CakeException($"Pushing {target} gave digest {pushed.Digest}, but the other tags point at {digest}; the registry now holds two manifests for one image: check it.");
            }

            digest = pushed.Digest;
        }

        if (digest is null)
        {
            throw new CakeException("The image has no tags to push.");
        }

        await VerifyTagsAsync(client, registry, image.Repository, check.Tags, digest, cancellation).ConfigureAwait(false);
        var manifest = await client.GetManifestAsync(repository, digest, cancellation).ConfigureAwait(false);
        return new PushedImage(registry, repository, digest, check.Tags, manifest.CompressedSize, check.Present);
    }

    private static void WarnReplacing(ICakeContext context, string reference, ExistingTags.StoredTag existing) =>
        context.Log.Warning(
            "Replacing {0} (it held {1}, another build): the legacy docker builder stamps the build time into every image, so a rebuild of one commit differs; only the local environment replaces tags, cloud registries never do.",
            reference,
            existing.Digest);

    private static async Task<ExistingTags.StoredTag?> LookUpAsync(RegistryClient client, string repository, string tag, CancellationToken cancellation)
    {
        if (await client.GetTagDigestAsync(repository, tag, cancellation).ConfigureAwait(false) is not { } digest)
        {
            return null;
        }

        var manifest = await client.GetManifestAsync(repository, digest, cancellation).ConfigureAwait(false);
        return new ExistingTags.StoredTag(digest, manifest.ConfigDigest);
    }

    private static async Task VerifyTagsAsync(RegistryClient client, string registry, string repository, IReadOnlyList<string> tags, string digest, CancellationToken cancellation)
    {
        foreach (var tag in tags)
        {
            var actual = await client.GetTagDigestAsync(repository, tag, cancellation).ConfigureAwait(false);
            if (actual != digest)
            {
                throw new CakeException($"After the push {registry}/{repository}:{tag} points at {actual ?? "nothing"}, not {digest}: another push raced this one; check the registry.");
            }
        }
    }

}
