using Build.Core.Secrets;
using Build.Stages.Image;
using Build.Stages.Push;
using Build.Tests.Stages.Image;
using Build.Tests.Support;
using Build.Tests.Tools.Aws;
using Build.Tools.Aws.Ecr;
using Build.Tools.Docker;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Tests.Stages.Push;

/// <summary>
/// The ECR push for real: the fake ECR answers the control plane (signed JSON 1.1) and hands out a registry token
/// for a real registry that only lets that token's password in, which the real docker engine logs in to and pushes to.
/// </summary>
[Collection(DockerEngineGroup.Name)]
[Integration("docker engine and docker-registry")]
public sealed class EcrPushTests : IDisposable
{
    private static readonly string[] AllTags = ["1.2.3-ecr", "0123456789ab", "1.2.4-ecr", "123456789abc", "1.2.5-ecr", "23456789abcd", "1.2.6-ecr", "456789abcdef", "1.2.7-ecr", "56789abcdef0", "6789abcdef01"];

    private readonly DockerEngineFixture _docker;
    private readonly FakeEcr _ecr = new();
    private readonly AuthenticatedRegistry _registry = new(FakeEcr.RegistryPassword);
    private readonly CapturingLog _log = new();
    private readonly SecretRegistry _secrets = new();
    private readonly string _repositoryName;

    public EcrPushTests(DockerEngineFixture docker)
    {
        _docker = docker;
        _ecr.UseRegistry(_registry.Address, _registry.SignedInClient);
        _repositoryName = $"build-tests/ecr-{docker.RunId}-{Guid.NewGuid().ToString("N")[..4]}";
        _ecr.AddRepository(_repositoryName, immutableTags: true);
    }

    private DirectoryPath Scratch => new DirectoryPath(_docker.Artifacts).Combine($"scratch-{_repositoryName.Replace('/', '-')}");

    private bool CredentialsLeftBehind => Directory.Exists(Scratch.FullPath) && Directory.EnumerateDirectories(Scratch.FullPath, DockerCredentialFolder.Prefix + "*").Any();

    private static DockerPushSettings FastRetries() => new() { MaxAttempts = 2, RetryDelay = TimeSpan.FromMilliseconds(200) };

    public void Dispose()
    {
        _ecr.Dispose();
        _registry.Dispose();
    }

    [Fact]
    public async Task The_image_is_pushed_with_an_ECR_token_and_recorded_by_the_digest_ECR_lists()
    {
        _docker.RequireEngine();
        string[] tags = ["1.2.3-ecr", "0123456789ab"];
        var image = BuildImage(tags);
        var (client, repository) = await OpenAsync();

        var pushed = await EcrPublisher.PushAsync(_docker.Context, client, repository, image, Options(), CancellationToken.None);

        Assert.Equal($"{_registry.Address}/{_repositoryName}@{pushed.Digest}", pushed.Reference);
        Assert.Matches("^sha256:[0-9a-f]{64}$", pushed.Digest);
        Assert.Empty(pushed.AlreadyPresentTags);
        Assert.Equal(1, _ecr.CountOf(EcrOperations.GetAuthorizationToken));
        using var http = _registry.SignedInClient();
        var registry = new RegistryClient(http, RegistryClient.AddressOf(_registry.Address));
        foreach (var tag in tags)
        {
            Assert.Equal(pushed.Digest, await registry.GetTagDigestAsync(_repositoryName, tag, CancellationToken.None));
        }

        var manifest = await registry.GetManifestAsync(_repositoryName, pushed.Digest, CancellationToken.None);
        Assert.Equal(image.Id, manifest.ConfigDigest);
        Assert.Equal(manifest.CompressedSize, pushed.CompressedSizeBytes);

        // The login's credentials lived in a throw-away docker config; neither they nor the token reach the log.
        Assert.False(CredentialsLeftBehind, "the docker config folder with the registry credentials outlived the push");
        Assert.Contains(FakeEcr.RegistryPassword, _secrets.Values);
        Assert.DoesNotContain(FakeEcr.RegistryPassword, _docker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeEcr.RegistryPassword, _log.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pushing_the_same_image_again_logs_in_to_nothing_and_survives_throttling()
    {
        _docker.RequireEngine();
        string[] tags = ["1.2.4-ecr", "123456789abc"];
        var image = BuildImage(tags);
        var (client, repository) = await OpenAsync();
        var first = await EcrPublisher.PushAsync(_docker.Context, client, repository, image, Options(), CancellationToken.None);
        _ecr.FailNext(2, 400, "ThrottlingException", "Rate exceeded");

        var again = await EcrPublisher.PushAsync(_docker.Context, client, repository, image, Options(), CancellationToken.None);

        Assert.Equal(first.Digest, again.Digest);
        Assert.Equal(tags, again.AlreadyPresentTags);
        Assert.Equal(1, _ecr.CountOf(EcrOperations.GetAuthorizationToken));
    }

    [Fact]
    public async Task A_new_tag_for_an_image_ECR_already_holds_is_added_by_PutImage_without_a_login_or_upload()
    {
        _docker.RequireEngine();
        var (client, repository) = await OpenAsync();
        var first = await EcrPublisher.PushAsync(_docker.Context, client, repository, BuildImage(["1.2.7-ecr", "56789abcdef0"]), Options(), CancellationToken.None);
        var retagged = BuildImage(["1.2.7-ecr", "6789abcdef01"]);

        var second = await EcrPublisher.PushAsync(_docker.Context, client, repository, retagged, Options(), CancellationToken.None);

        Assert.Equal(first.Digest, second.Digest);
        Assert.Equal(["1.2.7-ecr"], second.AlreadyPresentTags);
        Assert.Equal(1, _ecr.CountOf(EcrOperations.GetAuthorizationToken));
        Assert.Equal(2, _ecr.CountOf(EcrOperations.PutImage));
        var tagged = await client.DescribeImageAsync(_repositoryName, EcrImageId.ByTag("6789abcdef01"));
        Assert.Equal(first.Digest, tagged?.Digest);
        using var http = _registry.SignedInClient();
        var registry = new RegistryClient(http, RegistryClient.AddressOf(_registry.Address));
        Assert.Equal(first.Digest, await registry.GetTagDigestAsync(_repositoryName, "6789abcdef01", CancellationToken.None));
    }

    [Fact]
    public async Task A_tag_that_holds_another_image_is_refused_before_anything_is_pushed()
    {
        _docker.RequireEngine();
        string[] tags = ["1.2.5-ecr", "23456789abcd", "1.2.6-ecr", "456789abcdef", "1.2.7-ecr", "56789abcdef0", "6789abcdef01"];
        var (client, repository) = await OpenAsync();
        var first = await EcrPublisher.PushAsync(_docker.Context, client, repository, BuildImage(tags), Options(), CancellationToken.None);
        var other = BuildImage(["1.2.5-ecr", "3456789abcde"], created: "2026-03-03T00:00:00Z");

        var refused = await Assert.ThrowsAsync<CakeException>(() => EcrPublisher.PushAsync(_docker.Context, client, repository, other, Options(), CancellationToken.None));

        Assert.StartsWith($"{repository.Uri}:1.2.5-ecr already exists with digest {first.Digest}, a different image", refused.Message, StringComparison.Ordinal);
        Assert.Contains("never overwritten", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, _ecr.CountOf(EcrOperations.GetAuthorizationToken));
        using var http = _registry.SignedInClient();
        var registry = new RegistryClient(http, RegistryClient.AddressOf(_registry.Address));
        Assert.Null(await registry.GetTagDigestAsync(_repositoryName, "3456789abcde", CancellationToken.None));
    }

    [Fact]
    public async Task A_token_the_registry_does_not_accept_fails_the_login_in_one_line_and_nothing_is_pushed()
    {
        _docker.RequireEngine();
        _ecr.IssuedPassword = "eyJwYXlsb2FkIjoiYW4gZXhwaXJlZCB0b2tlbiJ9";
        var image = BuildImage(["1.2.6-ecr", "456789abcdef"]);
        var (client, repository) = await OpenAsync();

        var error = await Assert.ThrowsAsync<CakeException>(() => EcrPublisher.PushAsync(_docker.Context, client, repository, image, Options(), CancellationToken.None));

        Assert.StartsWith($"docker login to {_registry.Address} failed: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(_ecr.IssuedPassword, error.Message, StringComparison.Ordinal);
        Assert.False(CredentialsLeftBehind, "the docker config folder with the registry credentials outlived the failed login");
        using var http = _registry.SignedInClient();
        var registry = new RegistryClient(http, RegistryClient.AddressOf(_registry.Address));
        Assert.Null(await registry.GetTagDigestAsync(_repositoryName, "1.2.6-ecr", CancellationToken.None));
    }

    private ImageBuildResult BuildImage(string[] tags, string created = "2026-01-01T00:00:00Z") =>
        _docker.BuildAppImage($"ecr-local-{_docker.RunId}", tags, created);

    private EcrPushOptions Options() => new(Scratch) { PushSettings = FastRetries };

    private async Task<(EcrClient Client, EcrRepository Repository)> OpenAsync()
    {
        var client = new EcrClient(_ecr.Settings(), _secrets, _log);
        var repository = (await client.DescribeRepositoriesAsync([_repositoryName])).Single();
        _docker.Track([.. AllTags.Select(tag => $"{repository.Uri}:{tag}")]);
        return (client, repository);
    }
}
