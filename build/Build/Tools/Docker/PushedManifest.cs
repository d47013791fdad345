namespace Build.Tools.Docker;

/// <summary>The manifest a push created: its digest and its own size in bytes (not the image's).</summary>
public sealed record PushedManifest(string Digest, long Size);
