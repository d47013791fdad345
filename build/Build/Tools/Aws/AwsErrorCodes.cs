namespace Build.Tools.Aws;

/// <summary>Which AWS errors are worth a retry and which mean the credentials themselves were refused.</summary>
public static class AwsErrorCodes
{
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable", "ServerException",
    };

    private static readonly HashSet<string> CredentialsRejected = new(StringComparer.Ordinal)
    {
        "ExpiredTokenException", "ExpiredToken", "UnrecognizedClientException", "InvalidSignatureException", "InvalidClientTokenId",
        "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationTokenException", "RequestExpired", "InvalidAccessKeyId",
        "AuthFailure",
    };

    public static bool IsThrottling(AwsError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.StatusCode == 429 || Throttling.Contains(error.Code);
    }

    /// <summary>Throttling, HTTP 429 and 5xx, the codes AWS documents as transient, and network failures other than TLS.</summary>
    public static bool IsRetryable(AwsError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return IsThrottling(error) || error.StatusCode >= 500 || AwsNetworkFailure.IsRetryable(error)
            || (Transient.Contains(error.Code) && !AwsNetworkFailure.IsNetwork(error));
    }

    public static bool IsCredentialsRejected(AwsError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return CredentialsRejected.Contains(error.Code);
    }
}
