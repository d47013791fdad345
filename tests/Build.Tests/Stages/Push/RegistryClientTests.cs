using Build.Stages.Push;
namespace Build.Tests.Stages.Push;

public sealed class RegistryClientTests
{
    [Theory]
    [InlineData("127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("localhost:5000", "http://localhost:5000/")]
    [InlineData("[::1]:5000", "http://[::1]:5000/")]
    [InlineData("127.1.2.3:5000", "http://127.1.2.3:5000/")]
    [InlineData("registry.example:443", "https://registry.example:443/")]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com", "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/")]
    public void Plain_http_only_on_loopback(string registry, string expected)
    {
        Assert.Equal(new Uri(expected), RegistryClient.AddressOf(registry));
    }

    [Fact]
    public void A_schema_2_manifest_gives_the_config_digest_and_the_compressed_size()
    {
        const string json = """
            {
              "schemaVersion": 2,
              "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
              "config": { "mediaType": "application/vnd.docker.container.image.v1+json", "size": 2500, "digest": "sha256:ed3d99" },
              "layers": [
                { "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 6000000, "digest": "sha256:a" },
                { "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 50000000, "digest": "sha256:b" }
              ]
            }
            """;

        var manifest = RegistryClient.Parse("sha256:b954", "", json);

        Assert.Equal(new RegistryManifest("sha256:b954", "application/vnd.docker.distribution.manifest.v2+json", "sha256:ed3d99", 56_002_500), manifest);
    }

    [Fact]
    public void An_index_has_no_config_so_it_never_matches_an_image_id()
    {
        var manifest = RegistryClient.Parse("sha256:1", "application/vnd.oci.image.index.v1+json", """{"schemaVersion":2,"manifests":[]}""");

        Assert.Null(manifest.ConfigDigest);
        Assert.Equal("application/vnd.oci.image.index.v1+json", manifest.MediaType);
    }
}
