namespace Build.Stages.Image;

/// <summary>An image's size: on disk (docker's figure) and compressed (what a registry stores and a host pulls).</summary>
public sealed record ImageSize(long UncompressedBytes, long CompressedBytes)
{
    public double UncompressedMegabytes => Math.Round(UncompressedBytes / 1_000_000.0, 1);

    public double CompressedMegabytes => Math.Round(CompressedBytes / 1_000_000.0, 1);
}
