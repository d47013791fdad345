using Build.Tools.Docker;
namespace Build.Tests.Tools.Docker;

public sealed class PushRetryPolicyTests
{
    [Theory]
    [InlineData("dial tcp 127.0.0.1:5000: connect: connection refused")]
    [InlineData("read tcp 10.0.0.2:50000->52.1.1.1:443: i/o timeout")]
    [InlineData("net/http: TLS handshake timeout")]
    [InlineData("received unexpected HTTP status: 502 Bad Gateway")]
    [InlineData("received unexpected HTTP status: 503 Service Unavailable")]
    [InlineData("error parsing HTTP 504 response body: invalid character '<'")]
    [InlineData("toomanyrequests: Rate exceeded")]
    [InlineData("write tcp 10.0.0.2:1->10.0.0.3:443: write: connection reset by peer")]
    [InlineData("Put \"https://x/v2/app/blobs/uploads/\": unexpected EOF")]
    public void Network_and_server_hiccups_are_transient(string line)
    {
        Assert.True(PushRetryPolicy.IsTransient(["The push refers to repository [x/app]", line]));
    }

    [Theory]
    [InlineData("denied: requested access to the resource is denied")]
    [InlineData("unauthorized: authentication required")]
    [InlineData("name unknown: The repository with name 'app' does not exist in the registry")]
    [InlineData("tag invalid: The image tag '1.0.0' already exists in the 'app' repository and cannot be overwritten because the repository is immutable.")]
    [InlineData("An image does not exist locally with the tag: x/app")]
    public void Refusals_are_not_retried(string line)
    {
        Assert.False(PushRetryPolicy.IsTransient([line]));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(40, 30)]
    public void The_wait_doubles_from_the_first_delay_up_to_the_maximum(int attempt, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), PushRetryPolicy.DelayBefore(attempt, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void The_digest_and_manifest_size_are_read_from_the_last_digest_line()
    {
        var manifest = PushOutput.FindManifest(
        [
            "5f70bf18a086: Layer already exists",
            "1.0.0: digest: sha256:b954bfd57b56f31744a6bf4a9d537408d000a6fcae0c369fdafceb21aed80b95 size: 1156",
        ]);

        Assert.Equal(new PushedManifest("sha256:b954bfd57b56f31744a6bf4a9d537408d000a6fcae0c369fdafceb21aed80b95", 1156), manifest);
    }

    [Fact]
    public void No_digest_line_means_no_manifest()
    {
        Assert.Null(PushOutput.FindManifest(["digest: sha256:short size: 1"]));
    }
}
