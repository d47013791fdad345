using Build.Core;

namespace Build.Stages.Push;

/// <summary>
/// What Push put in the registry: <c>repository@sha256:...</c> (what Deploy and Release use), the tags that point at
/// it and the compressed size the registry stores. Recorded in artifacts/image/pushed-&lt;env&gt;.json.
/// </summary>
public sealed record PushedImage(string Registry, string Repository, string Digest, IReadOnlyList<string> Tags, long CompressedSizeBytes, IReadOnlyList<string> AlreadyPresentTags) : IStageResult
{
    public static string Missing => "No image was pushed in this run: run the Push target.";

    /// <summary>Gets the registry repository, e.g. <c>127.0.0.1:5000/app</c>.</summary>
    public string RepositoryUrl => $"{Registry}/{Repository}";

    /// <summary>Gets the immutable reference, e.g. <c>127.0.0.1:5000/app@sha256:...</c>.</summary>
    public string Reference => $"{RepositoryUrl}@{Digest}";

    public double CompressedSizeMegabytes => Math.Round(CompressedSizeBytes / 1_000_000.0, 1);
}
