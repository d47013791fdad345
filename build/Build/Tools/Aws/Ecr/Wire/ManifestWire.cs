namespace Build.Tools.Aws.Ecr.Wire;

public sealed record BatchGetImageRequest(string RepositoryName, IReadOnlyList<ImageIdWire> ImageIds, IReadOnlyList<string> AcceptedMediaTypes);

public sealed record BatchGetImageResponse(IReadOnlyList<ImageWire>? Images, IReadOnlyList<ImageFailureWire>? Failures);

public sealed record ImageWire(string? RepositoryName, ImageIdWire? ImageId, string? ImageManifest, string? ImageManifestMediaType);

public sealed record ImageFailureWire(ImageIdWire? ImageId, string? FailureCode, string? FailureReason);

public sealed record PutImageRequest(string RepositoryName, string ImageManifest, string? ImageManifestMediaType, string ImageTag, string? ImageDigest);

public sealed record PutImageResponse(ImageWire? Image);
