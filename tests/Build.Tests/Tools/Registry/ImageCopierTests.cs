using Build.Tests.Stages.Push;
using Build.Tests.Support;
using Build.Tools.Registry;

namespace Build.Tests.Tools.Registry;

/// <summary>
/// The registry-to-registry copy against real registries (distribution, with htpasswd like ECR's basic auth): the
/// target serves the source's manifest bytes under the same digest, and the proxy in front of the target shows which
/// blobs were sent, mounted or only asked about.
/// </summary>
[Integration("docker-registry")]
public sealed class ImageCopierTests : IDisposable
{
    private const string SourceRepository = "app-dev";
    private const string TargetRepository = "app-staging";

    private readonly AuthenticatedRegistry _source = new("source-registry-password");
    private readonly AuthenticatedRegistry _target = new("target-registry-password");
    private readonly List<string> _log = [];
    private readonly SyntheticImage _image = SyntheticImage.Create(new Dictionary<string, string> { ["org.opencontainers.image.revision"] = "0123456789abcdef" }, 1_500_000, 200_000, 30_000);

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
    }

    [Fact]
    public async Task A_copy_between_registries_keeps_the_digest_and_sends_only_the_blobs_the_target_lacks()
    {
        using var sourceClient = _source.SignedInClient();
        using var targetClient = _target.SignedInClient();
        _image.WriteTo(sourceClient, _source.Address, SourceRepository, ["1.4.0", "0123456789ab"]);
        _image.WriteTo(targetClient, _target.Address, TargetRepository, [], only: [_image.Layers[0]]);
        using var proxy = new RecordingRegistryProxy(_target.Address);
        using var source = Api("dev", _source.Address, _source.Password);
        using var target = Api("staging", proxy.Address, _target.Password);
        var manifest = await source.FindManifestAsync(SourceRepository, _image.Digest, CancellationToken.None);

        var copy = await new ImageCopier(source, SourceRepository, target, TargetRepository, _log.Add).CopyAsync(manifest!, ["1.4.0", "0123456789ab"], CancellationToken.None);

        var copied = SyntheticImage.Read(targetClient, _target.Address, TargetRepository, "1.4.0")!.Value;
        var original = SyntheticImage.Read(sourceClient, _source.Address, SourceRepository, "1.4.0")!.Value;
        Assert.Equal(_image.Digest, copied.Digest);
        Assert.Equal(original.Bytes, copied.Bytes);
        Assert.Equal(_image.Digest, SyntheticImage.Read(targetClient, _target.Address, TargetRepository, "0123456789ab")!.Value.Digest);
        Assert.Empty(proxy.WritesOf(TargetRepository, _image.Layers[0].Digest));
        Assert.Contains(proxy.Requests, request => request.Method == "HEAD" && request.PathAndQuery == $"/v2/{TargetRepository}/blobs/{_image.Layers[0].Digest}");
        Assert.All([_image.Config, _image.Layers[1], _image.Layers[2]], blob => Assert.Single(proxy.WritesOf(TargetRepository, blob.Digest)));
        Assert.Equal([_image.Layers[0].Digest], copy.AlreadyPresent.Select(blob => blob.Digest));
        Assert.Equal(3, copy.Uploaded.Count);
        Assert.Empty(copy.Mounted);
        Assert.Equal("3 blobs uploaded (0.2 MB), 0 mounted from the source repository, 1 already there", copy.Summary);
        Assert.Contains(_log, line => line.EndsWith($"already in {TargetRepository}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Within_one_registry_missing_blobs_are_mounted_from_the_source_repository_and_no_bytes_are_sent()
    {
        using var client = _source.SignedInClient();
        _image.WriteTo(client, _source.Address, SourceRepository, ["1.4.0"]);
        using var proxy = new RecordingRegistryProxy(_source.Address);
        using var source = Api("dev", proxy.Address, _source.Password);
        using var target = Api("staging", proxy.Address, _source.Password);
        var manifest = await source.FindManifestAsync(SourceRepository, "1.4.0", CancellationToken.None);

        var copy = await new ImageCopier(source, SourceRepository, target, TargetRepository, _log.Add).CopyAsync(manifest!, ["1.4.0"], CancellationToken.None);

        Assert.Equal(_image.Digest, SyntheticImage.Read(client, _source.Address, TargetRepository, "1.4.0")!.Value.Digest);
        Assert.Equal(4, copy.Mounted.Count);
        Assert.Empty(copy.Uploaded);
        Assert.DoesNotContain(proxy.Requests, request => request.Method is "PATCH" || (request.Method == "GET" && request.PathAndQuery.Contains("/blobs/sha256:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_second_copy_finds_every_blob_in_place_and_sends_nothing()
    {
        using var sourceClient = _source.SignedInClient();
        _image.WriteTo(sourceClient, _source.Address, SourceRepository, ["1.4.0"]);
        using var source = Api("dev", _source.Address, _source.Password);
        using var first = Api("staging", _target.Address, _target.Password);
        var manifest = (await source.FindManifestAsync(SourceRepository, "1.4.0", CancellationToken.None))!;
        await new ImageCopier(source, SourceRepository, first, TargetRepository, _log.Add).CopyAsync(manifest, ["1.4.0"], CancellationToken.None);
        using var proxy = new RecordingRegistryProxy(_target.Address);
        using var target = Api("staging", proxy.Address, _target.Password);

        var again = await new ImageCopier(source, SourceRepository, target, TargetRepository, _log.Add).CopyAsync(manifest, [], CancellationToken.None);

        Assert.Equal(4, again.AlreadyPresent.Count);
        Assert.DoesNotContain(proxy.Requests, request => request.Method is "POST" or "PATCH" or "PUT");
    }

    [Fact]
    public async Task Wrong_credentials_for_the_target_fail_with_one_line_naming_the_registry_and_the_call()
    {
        using var sourceClient = _source.SignedInClient();
        _image.WriteTo(sourceClient, _source.Address, SourceRepository, ["1.4.0"]);
        using var source = Api("dev", _source.Address, _source.Password);
        using var target = Api("staging", _target.Address, "not-the-password");
        var manifest = (await source.FindManifestAsync(SourceRepository, "1.4.0", CancellationToken.None))!;

        var failure = await Assert.ThrowsAsync<Cake.Core.CakeException>(() => new ImageCopier(source, SourceRepository, target, TargetRepository, _log.Add).CopyAsync(manifest, ["1.4.0"], CancellationToken.None));

        Assert.Equal($"staging ({_target.Address}) answered HEAD /v2/{TargetRepository}/blobs/{_image.Config.Digest} with 401 Unauthorized: the registry refused the credentials (an ECR token lasts 12 hours; check the role's ecr:* permissions on this repository).", failure.Message);
        Assert.DoesNotContain("not-the-password", failure.Message, StringComparison.Ordinal);
    }

    private static RegistryApi Api(string name, string address, string password)
    {
        var endpoint = new RegistryEndpoint(name, new Uri($"http://{address}/"), AuthenticatedRegistry.UserName, password);
        return new RegistryApi(endpoint, endpoint.CreateClient(TimeSpan.FromMinutes(1)));
    }
}
