namespace Build.Stages.Image;

/// <summary>The base image BaseImage made (or found unchanged): reference, id, its one layer, size, package versions.</summary>
public sealed record BaseImageResult(string Reference, string Id, string LayerDigest, long SizeBytes, IReadOnlyList<string> Packages, bool Reused)
{
    public double SizeMegabytes => Math.Round(SizeBytes / 1_000_000.0, 1);
}
