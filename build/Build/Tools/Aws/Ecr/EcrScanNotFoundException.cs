namespace Build.Tools.Aws.Ecr;

/// <summary>No scan of the image exists yet (ScanNotFoundException): scan on push is off, or the scan has not started.</summary>
public sealed class EcrScanNotFoundException : AwsServiceException
{
    public EcrScanNotFoundException(string message, string operation, AwsError error)
        : base(message, operation, error)
    {
    }
}
