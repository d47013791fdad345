namespace Build.Stages.Push;

/// <summary>
/// artifacts/image/pushed-&lt;env&gt;.json: what an environment's repository holds for this build, written by Push
/// (the image this run or an earlier one built) or by Promote (a copy of another environment's image, by digest).
/// Deploy deploys <see cref="Reference"/>, and only for the commit it names.
/// </summary>
public sealed record PushedImageRecord(
    string Environment,
    string Reference,
    string Repository,
    string Digest,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> AlreadyPresent,
    string ImageId,
    long CompressedSizeBytes,
    string? Commit,
    string? Version,
    DateTimeOffset RecordedAt)
{
    /// <summary>Gets where a promotion copied the image from; null for a push.</summary>
    public PromotionSource? PromotedFrom { get; init; }
}

/// <summary>The environment and digest reference a promotion copied from, and ECR's scan verdict in the target.</summary>
public sealed record PromotionSource(string Environment, string Reference, string TargetScan);
