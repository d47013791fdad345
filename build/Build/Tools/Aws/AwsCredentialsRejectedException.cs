namespace Build.Tools.Aws;

/// <summary>AWS refused the credentials themselves (expired session, unknown key, bad signature); never retried.</summary>
public sealed class AwsCredentialsRejectedException : AwsServiceException
{
    public AwsCredentialsRejectedException(string operation, AwsError error)
        : base(
            $"AWS credentials were rejected ({operation}: {error?.Code}: {error?.Message}): refresh them (aws sso login / new keys).",
            operation,
            error ?? throw new ArgumentNullException(nameof(error)))
    {
    }
}
