using Build.Parameters;
using Build.Stages.Image;
using Build.Stages.Push;
using Build.Tests.Stages.Image;
using Build.Tests.Support;
using Build.Tools.Docker;
using Cake.Core;

namespace Build.Tests.Stages.Push;

/// <summary>Push against the real registry on 127.0.0.1:5000: digest read back, idempotent re-push, no overwrite.</summary>
[Collection(DockerEngineGroup.Name)]
[Integration("docker engine and the registry on 127.0.0.1:5000")]
public sealed class ImagePushTests(DockerEngineFixture docker)
{
    private static readonly DockerPushSettings FastRetries = new() { MaxAttempts = 2, RetryDelay = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task A_pushed_image_is_recorded_by_digest_and_a_tag_holding_another_image_is_never_overwritten()
    {
        docker.RequireRegistry();
        var repository = $"build-tests/push-{docker.RunId}";
        string[] tags = ["1.2.3-test", "0123456789ab"];
        var image = docker.BuildAppImage(repository, tags);
        docker.Track([.. tags.Select(tag => $"{DockerEngineFixture.Registry}/{repository}:{tag}")]);

        var pushed = await LocalRegistryPublisher.PushAsync(docker.Context, image, DockerEngineFixture.Registry, FastRetries, CancellationToken.None);

        Assert.Equal($"{DockerEngineFixture.Registry}/{repository}@{pushed.Digest}", pushed.Reference);
        Assert.Matches("^sha256:[0-9a-f]{64}$", pushed.Digest);
        Assert.Empty(pushed.AlreadyPresentTags);
        using var http = new HttpClient();
        var registry = new RegistryClient(http, RegistryClient.AddressOf(DockerEngineFixture.Registry));
        foreach (var tag in tags)
        {
            Assert.Equal(pushed.Digest, await registry.GetTagDigestAsync(repository, tag, CancellationToken.None));
        }

        var manifest = await registry.GetManifestAsync(repository, pushed.Digest, CancellationToken.None);
        Assert.Equal(image.Id, manifest.ConfigDigest);
        Assert.Equal(manifest.CompressedSize, pushed.CompressedSizeBytes);
        AssertEstimateIsClose(image, pushed);

        // The same image again: nothing to do, same digest.
        var again = await LocalRegistryPublisher.PushAsync(docker.Context, image, DockerEngineFixture.Registry, FastRetries, CancellationToken.None);
        Assert.Equal(pushed.Digest, again.Digest);
        Assert.Equal(tags, again.AlreadyPresentTags);

        // Different content under the same tags: refused before anything is pushed.
        var other = docker.BuildAppImage(repository, tags, created: "2026-02-02T00:00:00Z");
        Assert.NotEqual(image.Id, other.Id);
        var refused = await Assert.ThrowsAsync<CakeException>(() => LocalRegistryPublisher.PushAsync(docker.Context, other, DockerEngineFixture.Registry, FastRetries, CancellationToken.None));
        Assert.Contains($"{DockerEngineFixture.Registry}/{repository}:1.2.3-test already exists with digest {pushed.Digest}, a different image", refused.Message, StringComparison.Ordinal);
        Assert.Contains("never overwritten", refused.Message, StringComparison.Ordinal);
        foreach (var tag in tags)
        {
            Assert.Equal(pushed.Digest, await registry.GetTagDigestAsync(repository, tag, CancellationToken.None));
        }
    }

    [Fact]
    public async Task In_this_machines_registry_a_rebuild_of_the_same_tags_replaces_them_with_a_warning()
    {
        docker.RequireRegistry();
        var repository = $"build-tests/replace-{docker.RunId}";
        string[] tags = ["2.0.0-test", "abcdef012345"];
        var first = docker.BuildAppImage(repository, tags);
        docker.Track([.. tags.Select(tag => $"{DockerEngineFixture.Registry}/{repository}:{tag}")]);
        var pushed = await LocalRegistryPublisher.PushAsync(docker.Context, first, DockerEngineFixture.Registry, FastRetries, CancellationToken.None);
        var rebuilt = docker.BuildAppImage(repository, tags, created: "2026-03-03T00:00:00Z");
        Assert.NotEqual(first.Id, rebuilt.Id);

        var replaced = await LocalRegistryPublisher.PushAsync(docker.Context, rebuilt, DockerEngineFixture.Registry, FastRetries, TagConflict.Replace, CancellationToken.None);

        Assert.NotEqual(pushed.Digest, replaced.Digest);
        Assert.Empty(replaced.AlreadyPresentTags);
        using var http = new HttpClient();
        var registry = new RegistryClient(http, RegistryClient.AddressOf(DockerEngineFixture.Registry));
        foreach (var tag in tags)
        {
            Assert.Equal(replaced.Digest, await registry.GetTagDigestAsync(repository, tag, CancellationToken.None));
            Assert.Contains($"Replacing {DockerEngineFixture.Registry}/{repository}:{tag} (it held {pushed.Digest}, another build)", docker.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_registry_the_push_fails_with_one_line_saying_how_to_start_one()
    {
        docker.RequireEngine();
        var image = new ImageBuildResult("sha256:0", "app", ["1.0.0"], 0, "base", ImageBuildModes.Prebuilt, ImageBuilders.Legacy, [], new Dictionary<string, string>());
        var closed = $"127.0.0.1:{DockerEngineFixture.FreePort()}";

        var error = await Assert.ThrowsAsync<CakeException>(() => LocalRegistryPublisher.PushAsync(docker.Context, image, closed, FastRetries, CancellationToken.None));

        Assert.StartsWith($"No registry answers at http://{closed}/v2/ (Connection refused); start one: docker-registry serve", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    // ImageScan's budget is judged on an estimate made before the push; the registry's figure must be close to it.
    private void AssertEstimateIsClose(ImageBuildResult image, PushedImage pushed)
    {
        var saved = Path.Combine(docker.Artifacts, $"estimate-{docker.RunId}.tar");
        try
        {
            docker.Context.DockerSave(image.Id, new Cake.Core.IO.FilePath(saved));
            var estimate = CompressedSize.OfSavedImage(saved);
            var ratio = (double)estimate / pushed.CompressedSizeBytes;
            Assert.True(ratio is > 0.95 and < 1.05, $"estimate {estimate} bytes, registry {pushed.CompressedSizeBytes} bytes");
        }
        finally
        {
            File.Delete(saved);
        }
    }
}
