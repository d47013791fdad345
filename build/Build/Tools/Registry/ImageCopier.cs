using System.Diagnostics;
using Cake.Core;

namespace Build.Tools.Registry;

/// <summary>
/// Copies one image, by digest, from a repository of one registry to a repository of another (or the same) registry
/// through the registry API, as crane and skopeo copy do: every blob the target lacks is mounted (same registry) or
/// streamed across (never held in memory, never through a Docker engine), then the manifest's bytes are put back
/// unchanged under each tag, so the target's digest is the source's. A blob the target already holds is not touched.
/// The target's digest is read back at the end: anything but the source's fails the copy.
/// </summary>
public sealed class ImageCopier(RegistryApi source, string sourceRepository, RegistryApi target, string targetRepository, Action<string> log)
{
    private readonly List<BlobDescriptor> _present = [];
    private readonly List<BlobDescriptor> _mounted = [];
    private readonly List<BlobDescriptor> _uploaded = [];

    private bool SameRegistry => source.Endpoint.BaseAddress == target.Endpoint.BaseAddress;

    public async Task<ImageCopyResult> CopyAsync(ImageManifest manifest, IReadOnlyList<string> tags, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var child in manifest.Children)
        {
            var childManifest = await source.FindManifestAsync(sourceRepository, child.Digest, cancellation).ConfigureAwait(false)
                ?? throw new CakeException($"{source.Endpoint} lists {child.Digest} in index {manifest.Digest} of {sourceRepository}, but does not serve it.");
            await CopyBlobsAsync(childManifest, cancellation).ConfigureAwait(false);
            await PutAsync(childManifest, child.Digest, cancellation).ConfigureAwait(false);
        }

        await CopyBlobsAsync(manifest, cancellation).ConfigureAwait(false);
        foreach (var tag in tags)
        {
            await PutAsync(manifest, tag, cancellation).ConfigureAwait(false);
        }

        var stored = await target.FindManifestAsync(targetRepository, manifest.Digest, cancellation).ConfigureAwait(false);
        if (stored is null || !stored.Bytes.Span.SequenceEqual(manifest.Bytes.Span))
        {
            throw new CakeException($"After the copy {target.Endpoint} does not serve {targetRepository}@{manifest.Digest} with the source's bytes: the copy is not the same image.");
        }

        return new ImageCopyResult(manifest, [.. _present], [.. _mounted], [.. _uploaded]);
    }

    private async Task PutAsync(ImageManifest manifest, string reference, CancellationToken cancellation)
    {
        var digest = await target.PutManifestAsync(targetRepository, reference, manifest, cancellation).ConfigureAwait(false);
        if (digest != manifest.Digest)
        {
            throw new CakeException($"{target.Endpoint} stored {targetRepository}:{reference} as {digest}, not as the source's {manifest.Digest}: it rewrote the manifest.");
        }
    }

    private async Task CopyBlobsAsync(ImageManifest manifest, CancellationToken cancellation)
    {
        foreach (var blob in manifest.Blobs)
        {
            if (_present.Concat(_mounted).Concat(_uploaded).Any(done => done.Digest == blob.Digest))
            {
                continue;
            }

            if (await target.HasBlobAsync(targetRepository, blob.Digest, cancellation).ConfigureAwait(false))
            {
                _present.Add(blob);
                log($"{blob.ShortDigest} ({Megabytes(blob.Size)}): already in {targetRepository}");
                continue;
            }

            var session = SameRegistry
                ? await target.TryMountBlobAsync(targetRepository, blob.Digest, sourceRepository, cancellation).ConfigureAwait(false)
                : await target.StartUploadAsync(targetRepository, cancellation).ConfigureAwait(false);
            if (session is null)
            {
                _mounted.Add(blob);
                log($"{blob.ShortDigest} ({Megabytes(blob.Size)}): mounted from {sourceRepository}");
                continue;
            }

            var watch = Stopwatch.StartNew();
            using var download = await source.OpenBlobAsync(sourceRepository, blob.Digest, cancellation).ConfigureAwait(false);
            await using var stream = await download.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
            await target.UploadBlobAsync(session, blob, stream, cancellation).ConfigureAwait(false);
            _uploaded.Add(blob);
            log($"{blob.ShortDigest} ({Megabytes(blob.Size)}): copied in {watch.Elapsed.TotalSeconds:0.0} s");
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / 1_000_000.0:0.0} MB";
}
