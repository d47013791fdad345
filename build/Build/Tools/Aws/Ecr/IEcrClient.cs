namespace Build.Tools.Aws.Ecr;

/// <summary>
/// The ECR operations the build uses, typed. <see cref="EcrClient"/> speaks JSON 1.1 on AWSSDK.Core; where a feed
/// serves AWSSDK.ECR, an adapter over AmazonECRClient can take its place. Waiting for a scan and adding a tag are
/// extensions (<see cref="EcrClientExtensions"/>) over these operations, so every implementation gets them.
/// </summary>
public interface IEcrClient
{
    /// <summary>Registry credentials for docker login; the password is registered as a secret.</summary>
    Task<EcrAuthorization> GetAuthorizationTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>The named repositories (all of the registry when none are named); a missing one throws <see cref="EcrRepositoryNotFoundException"/>.</summary>
    Task<IReadOnlyList<EcrRepository>> DescribeRepositoriesAsync(IReadOnlyCollection<string>? names = null, CancellationToken cancellationToken = default);

    /// <summary>The image with this tag or digest; null when the repository has no such image.</summary>
    Task<EcrImage?> DescribeImageAsync(string repository, EcrImageId image, CancellationToken cancellationToken = default);

    /// <summary>The scan status and every finding (all pages) of the image with this digest.</summary>
    Task<EcrScanFindings> DescribeImageScanFindingsAsync(string repository, string digest, CancellationToken cancellationToken = default);

    /// <summary>The manifest of the image with this digest, as stored.</summary>
    Task<EcrImageManifest> BatchGetImageAsync(string repository, string digest, CancellationToken cancellationToken = default);

    /// <summary>Puts the manifest back under <paramref name="tag"/>; a tag that already names this digest is not an error.</summary>
    Task<EcrTagResult> PutImageAsync(EcrImageManifest manifest, string tag, CancellationToken cancellationToken = default);
}
