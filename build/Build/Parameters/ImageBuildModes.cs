namespace Build.Parameters;

/// <summary>How the image gets the app: published on the host (offline) or inside the SDK image (canonical, needs a registry).</summary>
public static class ImageBuildModes
{
    /// <summary>The host publishes (self-contained linux-x64); the Dockerfile's <c>prebuilt</c> stage copies the output. No SDK image needed.</summary>
    public const string Prebuilt = "prebuilt";

    /// <summary>The Dockerfile's SDK stages restore (a layer cached apart from the sources) and publish; needs the SDK image.</summary>
    public const string Sdk = "sdk";

    public static readonly IReadOnlyList<string> All = [Prebuilt, Sdk];
}
