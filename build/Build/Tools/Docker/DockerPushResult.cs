namespace Build.Tools.Docker;

/// <summary>What a push produced: the image reference pushed, the manifest digest and how many attempts it took.</summary>
public sealed record DockerPushResult(string Image, string Digest, long ManifestSize, int Attempts);
