namespace Build.Tools.Aws.Ecr;

/// <summary>
/// ECR's imageScanStatus. Basic scanning reports IN_PROGRESS, COMPLETE or FAILED; enhanced scanning also PENDING,
/// ACTIVE (complete, monitored continuously), UNSUPPORTED_IMAGE, FINDINGS_UNAVAILABLE and SCAN_ELIGIBILITY_EXPIRED.
/// </summary>
public sealed record EcrScanStatus(string Status, string? Description)
{
    public EcrScanState State => Status switch
    {
        "COMPLETE" or "ACTIVE" => EcrScanState.Complete,
        "IN_PROGRESS" or "PENDING" => EcrScanState.Pending,
        _ => EcrScanState.Failed,
    };

    public override string ToString() => string.IsNullOrWhiteSpace(Description) ? Status : $"{Status} ({Description})";
}
