namespace Build.Tools.Aws.Ecr;

/// <summary>Where an image scan is: still running, done (findings are final) or ended without findings.</summary>
public enum EcrScanState
{
    Pending,
    Complete,
    Failed,
}
