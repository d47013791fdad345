namespace Build.Parameters;

/// <summary>Which docker builder builds the image: BuildKit where buildx is installed (auto), or the one named.</summary>
public static class ImageBuilders
{
    public const string Auto = "auto";
    public const string BuildKit = "buildkit";
    public const string Legacy = "legacy";

    public static readonly IReadOnlyList<string> All = [Auto, BuildKit, Legacy];
}
