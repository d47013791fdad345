namespace Build.Stages.Push;

/// <summary>A manifest as a registry serves it: its digest, media type, the image config digest (= docker's image id) and the compressed size of config and layers.</summary>
public sealed record RegistryManifest(string Digest, string MediaType, string? ConfigDigest, long CompressedSize);
