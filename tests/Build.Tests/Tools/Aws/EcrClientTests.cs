using System.Text.RegularExpressions;
using Amazon.Runtime;
using Build.Core.Secrets;
using Build.Tools.Aws.Ecr;

namespace Build.Tests.Tools.Aws;

public sealed partial class EcrClientTests : IDisposable
{
    private const string Manifest = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"digest":"sha256:0a1b"},"layers":[]}""";

    private readonly FakeEcr _ecr = new();
    private readonly SecretRegistry _secrets = new();
    private readonly CapturingLog _log = new();

    [Fact]
    public async Task GetAuthorizationToken_decodes_user_and_password_and_registers_them_as_secrets()
    {
        var authorization = await Client().GetAuthorizationTokenAsync();

        Assert.Equal("AWS", authorization.UserName);
        Assert.Equal(FakeEcr.RegistryPassword, authorization.Password);
        Assert.Equal(new Uri(_ecr.ProxyEndpoint), authorization.ProxyEndpoint);
        Assert.Equal($"{FakeEcr.AccountId}.dkr.ecr.{FakeEcr.Region}.amazonaws.com", authorization.Registry);
        Assert.Equal(FakeEcr.TokenExpiresAt, authorization.ExpiresAt);
        Assert.Contains(FakeEcr.RegistryPassword, _secrets.Values);
        Assert.Equal("***", _secrets.Redact(FakeEcr.RegistryPassword));
        Assert.DoesNotContain(FakeEcr.RegistryPassword, authorization.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_is_a_SigV4_signed_JSON_1_1_POST_that_the_fake_verified()
    {
        _ecr.AddRepository("app");

        await Client().DescribeRepositoriesAsync(["app"]);

        var request = Assert.Single(_ecr.Requests);
        Assert.Null(request.Rejection);
        Assert.Equal(1, _ecr.VerifiedSignatures);
        Assert.Equal("DescribeRepositories", request.Operation);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Matches(AmzDate(), request.AmzDate);
        Assert.Matches(
            $"^AWS4-HMAC-SHA256 Credential={FakeEcr.AccessKey}/{request.AmzDate![..8]}/{FakeEcr.Region}/ecr/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=[0-9a-f]{{64}}$",
            request.Authorization);
        Assert.Equal("""{"repositoryNames":["app"]}""", request.Body!.ToJsonString());
    }

    [Fact]
    public async Task A_session_token_is_sent_signed_and_registered_as_a_secret()
    {
        const string token = "FwoGZXIvYXdzEFakeSessionTokenForTheFakeEcr0123456789";
        _ecr.SessionToken = token;
        _ecr.AddRepository("app");

        await Client(new SessionAWSCredentials(FakeEcr.AccessKey, FakeEcr.SecretKey, token)).DescribeRepositoriesAsync(["app"]);

        var request = Assert.Single(_ecr.Requests);
        Assert.Null(request.Rejection);
        Assert.Equal(token, request.SecurityToken);
        Assert.Contains("x-amz-security-token", request.Authorization, StringComparison.Ordinal);
        Assert.Contains(token, _secrets.Values);
        Assert.Contains(FakeEcr.SecretKey, _secrets.Values);
    }

    [Fact]
    public async Task DescribeRepositories_returns_uri_and_settings()
    {
        _ecr.AddRepository("app", immutableTags: true);

        var repository = Assert.Single(await Client().DescribeRepositoriesAsync(["app"]));

        Assert.Equal("app", repository.Name);
        Assert.Equal($"{FakeEcr.AccountId}.dkr.ecr.{FakeEcr.Region}.amazonaws.com/app", repository.Uri);
        Assert.Equal($"arn:aws:ecr:{FakeEcr.Region}:{FakeEcr.AccountId}:repository/app", repository.Arn);
        Assert.True(repository.TagsImmutable);
        Assert.True(repository.ScanOnPush);
    }

    [Fact]
    public async Task A_missing_repository_is_a_typed_error_with_one_clear_line()
    {
        var error = await Assert.ThrowsAsync<EcrRepositoryNotFoundException>(() => Client().DescribeRepositoriesAsync(["missing"]));

        Assert.Equal("ECR repository 'missing' does not exist in eu-west-1: create it (terraform, target Apply) or check AWS_REGION and the name.", error.Message);
        Assert.Equal("RepositoryNotFoundException", error.ErrorCode);
        Assert.Equal(1, _ecr.CountOf("DescribeRepositories"));
    }

    [Fact]
    public async Task DescribeImage_by_tag_returns_digest_tags_and_scan_status()
    {
        var image = _ecr.AddRepository("app").AddImage(Manifest, "1.2.3", "abc1234");
        image.Scan = new FakeEcrScan { PendingPolls = 0 };

        var described = await Client().DescribeImageAsync("app", EcrImageId.ByTag("1.2.3"));

        Assert.NotNull(described);
        Assert.Equal(image.Digest, described.Digest);
        Assert.Equal(["1.2.3", "abc1234"], described.Tags);
        Assert.Equal("application/vnd.oci.image.manifest.v1+json", described.ManifestMediaType);
        Assert.Equal(EcrScanState.Pending, described.ScanStatus?.State);
        Assert.Equal("""{"repositoryName":"app","imageIds":[{"imageTag":"1.2.3"}]}""", _ecr.Requests[0].Body!.ToJsonString());
    }

    [Fact]
    public async Task DescribeImage_of_a_tag_that_does_not_exist_is_null()
    {
        _ecr.AddRepository("app").AddImage(Manifest, "1.2.3");

        var described = await Client().DescribeImageAsync("app", EcrImageId.ByTag("9.9.9"));

        Assert.Null(described);
    }

    [Fact]
    public async Task DescribeImage_in_a_missing_repository_is_an_error_not_null()
    {
        var error = await Assert.ThrowsAsync<EcrRepositoryNotFoundException>(() => Client().DescribeImageAsync("nope", EcrImageId.ByTag("1.2.3")));

        Assert.StartsWith("ECR repository 'nope' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddTag_puts_the_same_manifest_under_the_new_tag()
    {
        var repository = _ecr.AddRepository("app");
        var image = repository.AddImage(Manifest, "1.2.3");

        var result = await Client().AddTagAsync("app", image.Digest, "prod");

        Assert.Equal(new EcrTagResult("app", "prod", image.Digest, AlreadyTagged: false), result);
        Assert.Equal(["1.2.3", "prod"], image.Tags);
        Assert.Equal(["BatchGetImage", "PutImage"], _ecr.Requests.Select(request => request.Operation));
        var put = _ecr.Requests[1].Body!;
        Assert.Equal(Manifest, put["imageManifest"]!.GetValue<string>());
        Assert.Equal("application/vnd.oci.image.manifest.v1+json", put["imageManifestMediaType"]!.GetValue<string>());
        Assert.Equal(image.Digest, put["imageDigest"]!.GetValue<string>());
    }

    [Fact]
    public async Task AddTag_when_the_tag_already_names_the_digest_changes_nothing_and_is_not_an_error()
    {
        var image = _ecr.AddRepository("app").AddImage(Manifest, "1.2.3", "prod");

        var result = await Client().AddTagAsync("app", image.Digest, "prod");

        Assert.True(result.AlreadyTagged);
        Assert.Equal(image.Digest, result.Digest);
    }

    [Fact]
    public async Task AddTag_of_an_immutable_tag_that_names_another_image_fails_clearly()
    {
        var repository = _ecr.AddRepository("app", immutableTags: true);
        repository.AddImage(Manifest.Replace("0a1b", "0c0d", StringComparison.Ordinal), "prod");
        var image = repository.AddImage(Manifest, "1.2.3");

        var error = await Assert.ThrowsAsync<EcrImageTagAlreadyExistsException>(() => Client().AddTagAsync("app", image.Digest, "prod"));

        Assert.Equal("ECR repository 'app' has immutable tags and 'prod' already names another image: use a new tag; tags are never moved.", error.Message);
    }

    [Fact]
    public async Task AddTag_of_a_digest_that_is_not_there_fails_clearly()
    {
        _ecr.AddRepository("app");

        var error = await Assert.ThrowsAsync<EcrImageNotFoundException>(() => Client().AddTagAsync("app", "sha256:feed", "prod"));

        Assert.Equal("Image app@sha256:feed cannot be read from ECR (ImageNotFound: Requested image not found): push it first or check the digest.", error.Message);
        Assert.Equal(0, _ecr.CountOf("PutImage"));
    }

    [Fact]
    public async Task Scan_findings_are_read_from_every_page_with_their_packages()
    {
        var image = _ecr.AddRepository("app").AddImage(Manifest, "1.2.3");
        image.Scan = new FakeEcrScan
        {
            Findings =
            [
                new("CVE-2024-0001", "CRITICAL", "openssl", "3.0.11"),
                new("CVE-2024-0002", "HIGH", "zlib", "1.2.13"),
                new("CVE-2024-0003", "MEDIUM", "libc6", "2.36"),
                new("CVE-2024-0004", "LOW", "apt", "2.6.1"),
                new("CVE-2024-0005", "INFORMATIONAL", "bash", "5.2"),
            ],
        };
        _ecr.FindingsPageSize = 2;

        var scan = await Client().DescribeImageScanFindingsAsync("app", image.Digest);

        Assert.Equal(EcrScanState.Complete, scan.Status.State);
        Assert.Equal(3, _ecr.CountOf("DescribeImageScanFindings"));
        Assert.Equal(["CVE-2024-0001", "CVE-2024-0002", "CVE-2024-0003", "CVE-2024-0004", "CVE-2024-0005"], scan.Findings.Select(finding => finding.Id));
        var first = scan.Findings[0];
        Assert.Equal(("CRITICAL", "openssl", "3.0.11", (string?)null, false), (first.Severity, first.PackageName, first.PackageVersion, first.FixedVersion, first.Enhanced));
        Assert.Equal("https://security-tracker.debian.org/tracker/CVE-2024-0001", first.Uri);
        Assert.Equal(1, scan.SeverityCounts["CRITICAL"]);
        Assert.NotNull(scan.CompletedAt);
    }

    [Fact]
    public async Task Enhanced_scan_findings_carry_the_fixed_version()
    {
        var image = _ecr.AddRepository("app").AddImage(Manifest, "1.2.3");
        image.Scan = new FakeEcrScan { Enhanced = true, Findings = [new("CVE-2024-0727", "HIGH", "libssl3", "3.0.11", "3.0.13"), new("CVE-2023-45853", "CRITICAL", "zlib1g", "1.2.13")] };

        var scan = await Client().DescribeImageScanFindingsAsync("app", image.Digest);

        Assert.Equal(2, scan.Findings.Count);
        Assert.Equal(("CVE-2024-0727", "libssl3", "3.0.11", "3.0.13", true), (scan.Findings[0].Id, scan.Findings[0].PackageName, scan.Findings[0].PackageVersion, scan.Findings[0].FixedVersion, scan.Findings[0].Enhanced));
        Assert.Equal("CVE-2024-0727 - libssl3", scan.Findings[0].Title);
        Assert.Null(scan.Findings[1].FixedVersion);
    }

    public void Dispose() => _ecr.Dispose();

    private EcrClient Client(AWSCredentials? credentials = null) => new(_ecr.Settings(credentials), _secrets, _log);

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z$")]
    private static partial Regex AmzDate();
}
