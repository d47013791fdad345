using System.Text;
using Build.Core.Secrets;
using Build.Tools.Aws.Ecr.Wire;
using Cake.Core.Diagnostics;

namespace Build.Tools.Aws.Ecr;

/// <summary>ECR over its JSON-1.1 wire protocol (POST /, X-Amz-Target), signed and retried by <see cref="AwsJsonClient"/>.</summary>
public sealed class EcrClient : IEcrClient
{
    private const int MaxFindingsPerPage = 1000;
    private const int MaxRepositoriesPerPage = 1000;

    private readonly AwsJsonClient _aws;
    private readonly SecretRegistry _secrets;

    public EcrClient(AwsSettings settings, SecretRegistry secrets, ICakeLog log, HttpClient? http = null)
    {
        _aws = new AwsJsonClient(AwsService.Ecr, settings, secrets, log, http);
        _secrets = secrets;
    }

    /// <summary>A client configured from AWS_REGION, AWS_ENDPOINT_URL_ECR/AWS_ENDPOINT_URL and the SDK's credential chain.</summary>
    public static EcrClient FromEnvironment(SecretRegistry secrets, ICakeLog log) =>
        new(AwsSettings.FromEnvironment(AwsService.Ecr, Environment.GetEnvironmentVariable), secrets, log);

    public async Task<EcrAuthorization> GetAuthorizationTokenAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync<GetAuthorizationTokenRequest, GetAuthorizationTokenResponse>(
            EcrOperations.GetAuthorizationToken, new GetAuthorizationTokenRequest(), null, null, cancellationToken);
        var data = (response.AuthorizationData is { Count: > 0 } all ? all[0] : null) ?? throw Unexpected(EcrOperations.GetAuthorizationToken, "no authorizationData");
        var token = data.AuthorizationToken ?? throw Unexpected(EcrOperations.GetAuthorizationToken, "no authorizationToken");
        _secrets.Register(token);
        var credentials = DecodeToken(token);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw Unexpected(EcrOperations.GetAuthorizationToken, "an authorizationToken that is not user:password");
        }

        var password = credentials[(colon + 1)..];
        _secrets.Register(password);
        var proxy = Uri.TryCreate(data.ProxyEndpoint, UriKind.Absolute, out var endpoint)
            ? endpoint
            : throw Unexpected(EcrOperations.GetAuthorizationToken, $"a proxyEndpoint that is not a URL ('{data.ProxyEndpoint}')");
        var expires = AwsJson.FromEpochSeconds(data.ExpiresAt) ?? throw Unexpected(EcrOperations.GetAuthorizationToken, "no expiresAt");
        return new EcrAuthorization(credentials[..colon], password, proxy, expires);
    }

    public async Task<IReadOnlyList<EcrRepository>> DescribeRepositoriesAsync(IReadOnlyCollection<string>? names = null, CancellationToken cancellationToken = default)
    {
        var named = names is { Count: > 0 } ? names.ToList() : null;
        var repositories = new List<EcrRepository>();
        string? nextToken = null;
        do
        {
            // maxResults cannot be combined with repositoryNames.
            var request = new DescribeRepositoriesRequest(named, nextToken, named is null ? MaxRepositoriesPerPage : null);
            var response = await SendAsync<DescribeRepositoriesRequest, DescribeRepositoriesResponse>(
                EcrOperations.DescribeRepositories, request, named is { Count: 1 } ? named[0] : string.Join(", ", named ?? []), null, cancellationToken);
            repositories.AddRange((response.Repositories ?? []).Select(ToRepository));
            nextToken = response.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));

        return repositories;
    }

    public async Task<EcrImage?> DescribeImageAsync(string repository, EcrImageId image, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentNullException.ThrowIfNull(image);
        try
        {
            var response = await SendAsync<DescribeImagesRequest, DescribeImagesResponse>(
                EcrOperations.DescribeImages, new DescribeImagesRequest(repository, [ToWire(image)]), repository, image, cancellationToken);
            var detail = response.ImageDetails is { Count: > 0 } details ? details[0] : null;
            return detail is null ? null : ToImage(repository, detail);
        }
        catch (EcrImageNotFoundException)
        {
            return null;
        }
    }

    public async Task<EcrScanFindings> DescribeImageScanFindingsAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(digest);
        var image = EcrImageId.ByDigest(digest);
        var pages = new List<DescribeImageScanFindingsResponse>();
        string? nextToken = null;
        do
        {
            var request = new DescribeImageScanFindingsRequest(repository, ToWire(image), nextToken, MaxFindingsPerPage);
            var page = await SendAsync<DescribeImageScanFindingsRequest, DescribeImageScanFindingsResponse>(
                EcrOperations.DescribeImageScanFindings, request, repository, image, cancellationToken);
            pages.Add(page);
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));

        return EcrScanFindingsMapper.Map(repository, digest, pages);
    }

    public async Task<EcrImageManifest> BatchGetImageAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(digest);
        var image = EcrImageId.ByDigest(digest);
        var response = await SendAsync<BatchGetImageRequest, BatchGetImageResponse>(
            EcrOperations.BatchGetImage, new BatchGetImageRequest(repository, [ToWire(image)], EcrMediaTypes.Manifests), repository, image, cancellationToken);
        var found = response.Images?.FirstOrDefault(candidate => candidate.ImageManifest is not null);
        if (found is null)
        {
            var failure = response.Failures is { Count: > 0 } failures ? failures[0] : null;
            var why = failure is null ? "no image returned" : $"{failure.FailureCode}: {failure.FailureReason}";
            var operation = $"{AwsService.Ecr.DisplayName} {EcrOperations.BatchGetImage}";
            throw new EcrImageNotFoundException(
                $"Image {repository}@{digest} cannot be read from ECR ({why}): push it first or check the digest.",
                operation,
                new AwsError(failure?.FailureCode ?? "ImageNotFound", failure?.FailureReason ?? why, 200));
        }

        return new EcrImageManifest(repository, digest, found.ImageManifest!, found.ImageManifestMediaType);
    }

    public async Task<EcrTagResult> PutImageAsync(EcrImageManifest manifest, string tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        var request = new PutImageRequest(manifest.Repository, manifest.Manifest, manifest.MediaType, tag, manifest.Digest);
        try
        {
            var response = await SendAsync<PutImageRequest, PutImageResponse>(
                EcrOperations.PutImage, request, manifest.Repository, EcrImageId.ByTag(tag), cancellationToken);
            return new EcrTagResult(manifest.Repository, tag, response.Image?.ImageId?.ImageDigest ?? manifest.Digest, AlreadyTagged: false);
        }
        catch (AwsServiceException existing) when (existing.ErrorCode == "ImageAlreadyExistsException")
        {
            // The tag already names exactly this manifest: tagging is idempotent.
            return new EcrTagResult(manifest.Repository, tag, manifest.Digest, AlreadyTagged: true);
        }
    }

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        string operation, TRequest request, string? repository, EcrImageId? image, CancellationToken cancellationToken)
    {
        try
        {
            return await _aws.SendAsync<TRequest, TResponse>(operation, request, cancellationToken);
        }
        catch (AwsServiceException failure) when (failure is not AwsCredentialsRejectedException && failure.Error is { } error
                                                   && Translate(failure.Operation, error, repository, image) is { } typed)
        {
            throw typed;
        }
    }

    private AwsServiceException? Translate(string operation, AwsError error, string? repository, EcrImageId? image)
    {
        var region = _aws.Settings.Region;
        return error.Code switch
        {
            "RepositoryNotFoundException" => new EcrRepositoryNotFoundException(
                $"ECR repository '{repository}' does not exist in {region}: create it (terraform, target Apply) or check {AwsEnvironmentVariables.Region} and the name.",
                operation,
                error),
            "ImageNotFoundException" => new EcrImageNotFoundException(
                $"Image {repository}{image} is not in ECR ({region}): push it first or check the tag/digest.", operation, error),
            "ScanNotFoundException" => new EcrScanNotFoundException(
                $"No scan of {repository}{image} exists in ECR: turn on scan on push for the repository or start a scan.", operation, error),
            "ImageTagAlreadyExistsException" => new EcrImageTagAlreadyExistsException(
                $"ECR repository '{repository}' has immutable tags and '{image?.Tag}' already names another image: use a new tag; tags are never moved.",
                operation,
                error),
            _ => null,
        };
    }

    private static string DecodeToken(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw Unexpected(EcrOperations.GetAuthorizationToken, "an authorizationToken that is not base64");
        }
    }

    private static ImageIdWire ToWire(EcrImageId image) => new(image.Digest, image.Tag);

    private static EcrRepository ToRepository(RepositoryWire wire) => new(
        wire.RepositoryName ?? "",
        wire.RepositoryUri ?? "",
        wire.RepositoryArn ?? "",
        wire.RegistryId ?? "",
        wire.ImageTagMutability?.StartsWith("IMMUTABLE", StringComparison.Ordinal) ?? false,
        wire.ImageScanningConfiguration?.ScanOnPush ?? false);

    private static EcrImage ToImage(string repository, ImageDetailWire wire) => new(
        wire.RepositoryName ?? repository,
        wire.ImageDigest ?? throw Unexpected(EcrOperations.DescribeImages, "an image without imageDigest"),
        wire.ImageTags ?? [],
        AwsJson.FromEpochSeconds(wire.ImagePushedAt),
        wire.ImageSizeInBytes,
        wire.ImageManifestMediaType,
        wire.ImageScanStatus?.Status is { } status ? new EcrScanStatus(status, wire.ImageScanStatus.Description) : null);

    private static AwsServiceException Unexpected(string operation, string what) =>
        new($"ECR {operation} returned {what}; the answer is not what the ECR API documents.");
}
