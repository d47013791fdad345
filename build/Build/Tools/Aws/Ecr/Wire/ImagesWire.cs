namespace Build.Tools.Aws.Ecr.Wire;

public sealed record DescribeImagesRequest(string RepositoryName, IReadOnlyList<ImageIdWire> ImageIds);

public sealed record DescribeImagesResponse(IReadOnlyList<ImageDetailWire>? ImageDetails);

public sealed record ImageDetailWire(
    string? RepositoryName,
    string? ImageDigest,
    IReadOnlyList<string>? ImageTags,
    double? ImagePushedAt,
    long? ImageSizeInBytes,
    string? ImageManifestMediaType,
    ImageScanStatusWire? ImageScanStatus);

public sealed record ImageScanStatusWire(string? Status, string? Description);
