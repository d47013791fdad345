namespace Build.Tools.Aws.Ecr.Wire;

public sealed record DescribeRepositoriesRequest(IReadOnlyList<string>? RepositoryNames, string? NextToken, int? MaxResults);

public sealed record DescribeRepositoriesResponse(IReadOnlyList<RepositoryWire>? Repositories, string? NextToken);

public sealed record RepositoryWire(
    string? RepositoryName,
    string? RepositoryUri,
    string? RepositoryArn,
    string? RegistryId,
    string? ImageTagMutability,
    ImageScanningConfigurationWire? ImageScanningConfiguration);

public sealed record ImageScanningConfigurationWire(bool ScanOnPush);
