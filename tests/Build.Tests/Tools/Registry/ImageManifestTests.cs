using System.Text;
using Build.Tools.Registry;
using Cake.Core;

namespace Build.Tests.Tools.Registry;

public sealed class ImageManifestTests
{
    private const string Manifest = """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":7,"digest":"sha256:aaaa"},
         "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","size":11,"digest":"sha256:bbbb"}]}
        """;

    [Fact]
    public void A_manifest_is_read_with_its_blobs_and_keeps_its_bytes_unchanged()
    {
        var bytes = Encoding.UTF8.GetBytes(Manifest);

        var manifest = ImageManifest.Read(ImageManifest.DigestOf(bytes), "application/vnd.oci.image.manifest.v1+json", bytes, "test");

        Assert.Equal(["sha256:aaaa", "sha256:bbbb"], manifest.Blobs.Select(blob => blob.Digest));
        Assert.Equal(bytes, manifest.Bytes.ToArray());
        Assert.False(manifest.IsIndex);
    }

    [Fact]
    public void Bytes_that_do_not_hash_to_the_digest_asked_for_are_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(Manifest);
        var other = "sha256:" + new string('0', 64);

        var failure = Assert.Throws<CakeException>(() => ImageManifest.Read(other, "", bytes, "dev (registry) app-dev@x"));

        Assert.Equal($"dev (registry) app-dev@x served a manifest whose bytes hash to {ImageManifest.DigestOf(bytes)}, not to {other}: the copy would not be the same image.", failure.Message);
    }

    [Fact]
    public void An_index_lists_its_child_manifests()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","size":5,"digest":"sha256:cccc"}]}""");

        var index = ImageManifest.Read(ImageManifest.DigestOf(bytes), "application/vnd.oci.image.index.v1+json", bytes, "test");

        Assert.True(index.IsIndex);
        Assert.Equal(["sha256:cccc"], index.Children.Select(child => child.Digest));
        Assert.Empty(index.Blobs);
    }
}
