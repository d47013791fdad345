using Build.Tools.Docker;
using Cake.Core;

namespace Build.Tests.Tools.Docker;

public sealed class DockerPusherTests : IDisposable
{
    private const string Digest = "sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private readonly DockerFixture _fixture = new();

    private readonly DockerPushSettings _noWait = new() { RetryDelay = TimeSpan.Zero };

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void The_command_line_is_push_and_the_reference()
    {
        Assert.Equal("push 127.0.0.1:5000/app:1.0.0", DockerPusher.GetArguments("127.0.0.1:5000/app:1.0.0", new DockerPushSettings()).Render());
    }

    [Fact]
    public void A_successful_push_gives_the_digest_from_its_digest_line()
    {
        _fixture.ProcessRunner.Returns(0, "The push refers to repository [127.0.0.1:5000/app]", "5f70bf18a086: Pushed", $"1.0.0: digest: {Digest} size: 1156");

        var result = _fixture.Pusher().Push("127.0.0.1:5000/app:1.0.0", _noWait);

        Assert.Equal(new DockerPushResult("127.0.0.1:5000/app:1.0.0", Digest, 1156, 1), result);
        Assert.Equal("push 127.0.0.1:5000/app:1.0.0", _fixture.Args);
    }

    [Fact]
    public void A_transient_failure_is_retried_and_the_push_succeeds()
    {
        _fixture.ProcessRunner
            .Returns(1, "Put \"http://127.0.0.1:5000/v2/app/blobs/uploads/\": dial tcp 127.0.0.1:5000: connect: connection refused")
            .Returns(1, "received unexpected HTTP status: 503 Service Unavailable")
            .Returns(0, $"1.0.0: digest: {Digest} size: 1156");

        var result = _fixture.Pusher().Push("127.0.0.1:5000/app:1.0.0", _noWait);

        Assert.Equal(3, result.Attempts);
        Assert.Equal(Digest, result.Digest);
        Assert.Equal(3, _fixture.ProcessRunner.Started.Count);
    }

    [Fact]
    public void A_permanent_failure_fails_at_once_with_one_line()
    {
        _fixture.ProcessRunner.Returns(1, "denied: requested access to the resource is denied");

        var error = Assert.Throws<CakeException>(() => _fixture.Pusher().Push("registry.example/app:1.0.0", _noWait));

        Assert.Single(_fixture.ProcessRunner.Started);
        Assert.Equal("docker push registry.example/app:1.0.0 failed: denied: requested access to the resource is denied", error.Message);
    }

    [Fact]
    public void Transient_failures_only_give_up_after_the_bound()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            _fixture.ProcessRunner.Returns(1, "net/http: TLS handshake timeout");
        }

        var error = Assert.Throws<CakeException>(() => _fixture.Pusher().Push("registry.example/app:1.0.0", new DockerPushSettings { MaxAttempts = 3, RetryDelay = TimeSpan.Zero }));

        Assert.Equal(3, _fixture.ProcessRunner.Started.Count);
        Assert.Equal("docker push registry.example/app:1.0.0 failed after 3 attempts: net/http: TLS handshake timeout", error.Message);
    }

    [Fact]
    public void Success_without_a_digest_line_is_an_error_rather_than_a_guess()
    {
        _fixture.ProcessRunner.Returns(0, "127.0.0.1:5000/app:1.0.0");

        var error = Assert.Throws<CakeException>(() => _fixture.Pusher().Push("127.0.0.1:5000/app:1.0.0", _noWait));

        Assert.Contains("printed no 'digest: sha256:...' line", error.Message, StringComparison.Ordinal);
    }
}
