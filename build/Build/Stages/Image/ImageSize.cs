using System.Globalization;

namespace Build.Stages.Image;

/// <summary>An image's size: on disk (docker's figure) and compressed (what a registry stores and a host pulls).</summary>
public sealed record ImageSize(long UncompressedBytes, long CompressedBytes)
{
    public double UncompressedMegabytes => Math.Round(UncompressedBytes / 1_000_000.0, 1);

    public double CompressedMegabytes => Math.Round(CompressedBytes / 1_000_000.0, 1);

    /// <summary>"85.2 MB compressed (budget 120 MB, on the compressed size), 210.3 MB on disk": the budget applies to the compressed figure.</summary>
    public string Describe(int budgetMegabytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{CompressedMegabytes:0.0} MB compressed (budget {budgetMegabytes} MB, on the compressed size), {UncompressedMegabytes:0.0} MB on disk");
}
